import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

const imports = (file: string) => [...readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]!);

describe('the layout rules of DESIGN.md', () => {
  it('widget never imports api, api never imports widget', () => {
    for (const file of files('widget')) expect(imports(file).filter((i) => i.includes('/api/')), file).toEqual([]);
    for (const file of files('api')) expect(imports(file).filter((i) => i.includes('/widget/')), file).toEqual([]);
  });

  it('shared imports neither side, nor Node or the DOM', () => {
    for (const file of files('shared')) {
      expect(imports(file).filter((i) => i.includes('/api/') || i.includes('/widget/') || i.startsWith('node:')), file).toEqual([]);
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/\b(document|window|process)\./);
    }
  });

  it('keeps SQL in the store and migration modules', () => {
    const outside = files('api').filter((f) => !f.includes('/store/') && !f.includes('/db/'));
    for (const file of outside) {
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/\b(SELECT\s+[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|PRAGMA)\b/);
      expect(readFileSync(file, 'utf8'), file).not.toMatch(/\.execute\(/);
    }
  });
});
