/** Every word the widget shows, in the reader's language: English built in, other languages fetched when needed. */
import en from './en.json';

type Plural = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
/** The form's English words (en-form.json) come with the form's code; other languages carry every word. */
type Messages = typeof en & typeof import('./en-form.json');
/** Keys of plain messages. */
export type MessageKey = { [K in keyof Messages]: Messages[K] extends string ? K : never }[keyof Messages];
/** Keys of messages with a count, chosen by the language's plural rules. */
export type CountKey = Exclude<keyof Messages, MessageKey>;

export const languages = ['en', 'de', 'fr', 'es', 'ja'] as const;

export class Translator {
  /** The BCP 47 language the words and dates are in. */
  declare readonly lang: string;
  declare private _messages: Record<string, string | Plural>;
  // Made once, when first needed: making them costs more than using them (the first, ICU's data load, ~10 ms);
  // toLocaleString() would make a new formatter for every number.
  declare private _rules: Intl.PluralRules | undefined;
  declare private _numbers: Intl.NumberFormat | undefined;

  // Declared fields set here, not parameter properties: the build's renaming of `_` members misses those
  // (esbuild 0.28), and browsers the bundle targets would get each class field through a helper call.
  constructor(lang: string, messages: Record<string, string | Plural>) {
    this.lang = lang;
    this._messages = messages;
  }

  /** Adds words that arrive later (the form's, with its code), keeping the ones the language has. */
  add(messages: Record<string, string | Plural>): void {
    this._messages = { ...messages, ...this._messages };
  }

  t(key: MessageKey): string {
    return this._messages[key] as string;
  }

  /** A message with a number in it: "{n} comments", in the right plural form. */
  n(key: CountKey | MessageKey, n: number): string {
    const entry = this._messages[key]!;
    const text = typeof entry === 'string' ? entry : (entry[(this._rules ??= new Intl.PluralRules(this.lang)).select(n)] ?? entry.other);
    return text.replace('{n}', this.number(n));
  }

  /** A number as the language writes it. */
  number(n: number): string {
    return (this._numbers ??= new Intl.NumberFormat(this.lang)).format(n);
  }
}

export const english = new Translator('en', en as Record<string, string | Plural>);

/** The language of an element: its own lang, else its nearest ancestor's or the page's, when Parley speaks it. */
export function pickLanguage(el: Element): string {
  const lang = (el.closest('[lang]')?.getAttribute('lang') || document.documentElement.lang || 'en').toLowerCase();
  const primary = lang.split('-')[0]!;
  return (languages as readonly string[]).includes(primary) ? primary : 'en';
}

const loaded = new Map<string, Promise<Translator>>();

/** The translator for a language, fetched once from the Parley server (i18n/LANG.json); English if that fails. */
export function loadTranslator(base: string, lang: string): Promise<Translator> {
  if (lang === 'en') return Promise.resolve(english);
  let translator = loaded.get(lang);
  if (!translator) {
    translator = fetch(new URL(`i18n/${lang}.json`, base), { credentials: 'omit' })
      .then((res) => (res.ok ? (res.json() as Promise<Record<string, string | Plural>>) : Promise.reject(new Error(res.statusText))))
      .then((messages) => new Translator(lang, { ...en, ...messages }))
      .catch(() => english);
    loaded.set(lang, translator);
  }
  return translator;
}
