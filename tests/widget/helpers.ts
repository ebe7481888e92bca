/** Helpers for widget tests: the real API's address, seeding through it, and waiting on what a reader sees. */
import type { NewComment, PostCommentResponse } from '../../shared/types.ts';
import '../../widget/define.ts';

declare global {
  interface Window {
    PARLEY_TEST_API: string;
  }
}

export const api = window.PARLEY_TEST_API;

/** A page key no other test uses. */
export const uniquePage = (name: string) => `/test/${name}-${Math.random().toString(36).slice(2, 10)}`;

export async function seed(comment: Partial<NewComment> & { page: string; body: string }): Promise<PostCommentResponse> {
  const res = await fetch(`${api}/api/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(comment),
  });
  if (res.status !== 201) throw new Error(`seeding failed: ${res.status} ${await res.text()}`);
  return (await res.json()) as PostCommentResponse;
}

/** Polls until `check` returns something truthy, or fails after `ms`. */
export async function until<T>(check: () => T | null | undefined | false, what: string, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export function mount(attributes: Record<string, string>): HTMLElement {
  const el = document.createElement('parley-comments');
  el.setAttribute('api', api);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  document.body.append(el);
  return el;
}

export const shadow = (el: Element) => el.shadowRoot!;

/** The visible text of the thread, whitespace folded. */
export const text = (el: Element) => (shadow(el).textContent ?? '').replace(/\s+/g, ' ');

export function byLabel<T extends HTMLElement>(scope: ParentNode, label: string): T {
  const ownText = (l: Element) => [...l.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('').trim();
  const found = [...scope.querySelectorAll('label')].find((l) => ownText(l) === label);
  const control = found?.querySelector('input, textarea') as T | null;
  if (!control) throw new Error(`no field labelled ${label}`);
  return control;
}

export function button(scope: ParentNode, name: string): HTMLButtonElement {
  const found = [...scope.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button named ${name}`);
  return found;
}

export function type(field: HTMLInputElement | HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Opens the top form ("Write a comment…") and returns it once its code has loaded. */
export async function openForm(el: Element): Promise<HTMLElement> {
  const starter = await until(() => [...shadow(el).querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Write a comment…'), 'the loaded thread');
  starter.click();
  return until(() => {
    const form = shadow(el).querySelector<HTMLElement>('section > parley-form');
    return form?.querySelector('textarea') ? form : null;
  }, 'the comment form');
}

export function cleanup(): void {
  document.querySelectorAll('parley-comments, parley-count').forEach((el) => el.remove());
}


/**
 * Asserts two nodes are the same. Chai would put the nodes themselves in its error, which the test
 * runner cannot send back from the browser (it hangs instead of failing), so this describes them.
 */
export function expectSame(actual: Node | null | undefined, expected: Node | null | undefined, what: string): void {
  if (actual !== expected) {
    const describe = (n: Node | null | undefined) => (n instanceof Element ? `<${n.localName}${n.id ? ` id=${n.id}` : ''}>` : String(n));
    throw new Error(`${what}: expected ${describe(expected)}, got ${describe(actual)}`);
  }
}
