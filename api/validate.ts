/** Checks input against a shared schema; the first problem becomes a 400 naming the field. */
import * as v from 'valibot';
import { firstProblem } from '../shared/schemas.ts';
import { ApiError } from './errors.ts';

export function parse<S extends v.GenericSchema>(schema: S, input: unknown): v.InferOutput<S> {
  const result = v.safeParse(schema, input);
  if (result.success) return result.output;
  const problem = firstProblem(result.issues);
  throw new ApiError('validation', problem.message, problem.field);
}
