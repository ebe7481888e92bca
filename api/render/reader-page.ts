/** The small pages Parley serves readers itself (managing their comments, unsubscribing): no script, escaped text. */
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

/** No script at all; forms post only to this server; no page may frame these. */
export const readerPageCsp = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

type Content = HtmlEscapedString | Promise<HtmlEscapedString> | string;

export function readerPage(lang: string, title: string, body: Content): Content {
  return html`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title}</title>
<style>
body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color: #1f2328; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #e6edf3; background: #0d1117; } textarea, input { color: inherit; background: #161b22; } }
textarea { width: 100%; min-height: 6rem; box-sizing: border-box; font: inherit; }
article { border-top: 1px solid #8884; padding: 1rem 0; }
button { font: inherit; padding: .3rem .8rem; cursor: pointer; }
.note { padding: .5rem .8rem; border-left: 4px solid #2da44e; background: #2da44e22; }
.error { padding: .5rem .8rem; border-left: 4px solid #cf222e; background: #cf222e22; }
.muted { opacity: .7; font-size: .9em; }
form.inline { display: inline; }
</style>
</head>
<body>
<main>
<h1>${title}</h1>
${body}
</main>
</body>
</html>`;
}
