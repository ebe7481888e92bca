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
  declare private _rules: Intl.PluralRules | undefined;

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

  /**
   * A whole number as the language writes it, grouped by thousands. Not Intl.NumberFormat: a page's first one
   * costs Chromium about 30 ms (loading its number data), a long task on its own for the first comment's score.
   */
  number(n: number): string {
    const digits = String(Math.abs(Math.trunc(n)));
    const separator = groupSeparators[this.lang] ?? ',';
    // Spanish groups from five digits: 1000, but 10.000.
    const grouped = this.lang === 'es' && digits.length < 5 ? digits : digits.replace(/\B(?=(\d{3})+$)/g, separator);
    return n < 0 ? `-${grouped}` : grouped;
  }
}

export const english = new Translator('en', en as Record<string, string | Plural>);

/** Thousands separators where they are not a comma (French: a narrow no-break space). */
const groupSeparators: Record<string, string> = { de: '.', es: '.', fr: '\u202f' };

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
