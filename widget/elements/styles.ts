/** The thread's styles: one sheet in the thread's shadow root, shared by its comments and forms. */
import { css } from 'lit';

const dark = css`
  --parley-text: #e6e6e6;
  --parley-surface: #17191c;
  --parley-accent: #4c8dff;
  --parley-accent-text: #0b0c0e;
  --parley-danger: #ff8a80;
  color-scheme: dark;
`;

export const threadStyles = css`
  :host {
    --parley-accent: #2563eb;
    --parley-accent-text: #fff;
    --parley-text: inherit;
    --parley-muted: color-mix(in srgb, currentColor 62%, transparent);
    --parley-border: color-mix(in srgb, currentColor 22%, transparent);
    --parley-surface: transparent;
    --parley-highlight: color-mix(in srgb, var(--parley-accent) 14%, transparent);
    --parley-danger: #c62828;
    --parley-radius: 6px;
    --parley-indent: 1.25rem;
    --parley-font: inherit;
    display: block;
    color: var(--parley-text);
    font: var(--parley-font);
    line-height: 1.5;
  }
  :host([theme='light']) {
    --parley-text: #1c1e21;
    --parley-surface: #fff;
    --parley-danger: #b71c1c;
    color-scheme: light;
  }
  :host([theme='dark']) { ${dark} }
  @media (prefers-color-scheme: light) {
    :host([theme='auto']) { --parley-text: #1c1e21; --parley-surface: #fff; color-scheme: light; }
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) { ${dark} }
  }
  section { background: var(--parley-surface); }
  [hidden] { display: none !important; }
  h2 { font-size: 1.2em; margin: 0 0 0.75em; }
  ol { list-style: none; margin: 0; padding: 0; }
  button {
    font: inherit;
    font-size: 0.875em;
    color: inherit;
    background: none;
    border: 1px solid var(--parley-border);
    border-radius: var(--parley-radius);
    padding: 0.3em 0.8em;
    cursor: pointer;
  }
  button.primary { background: var(--parley-accent); border-color: var(--parley-accent); color: var(--parley-accent-text); font-weight: 600; }
  button.link { border: 0; padding: 0.2em 0.3em; color: var(--parley-muted); }
  button:hover { border-color: currentColor; }
  button.link:hover { color: inherit; text-decoration: underline; }
  button:disabled { opacity: 0.6; cursor: default; }
  :focus-visible { outline: 2px solid var(--parley-accent); outline-offset: 2px; }
  .status { color: var(--parley-muted); padding: 0.5em 0; }
  .error { color: var(--parley-danger); }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

  form { display: grid; gap: 0.6em; margin: 0 0 1.5em; }
  label { display: grid; gap: 0.2em; font-size: 0.875em; color: var(--parley-muted); }
  input, textarea {
    font: inherit;
    font-size: 1rem;
    color: inherit;
    background: var(--parley-surface);
    border: 1px solid var(--parley-border);
    border-radius: var(--parley-radius);
    padding: 0.45em 0.6em;
    min-width: 0;
  }
  textarea { min-height: 5.5em; resize: vertical; }
  .fields { display: grid; gap: 0.6em; grid-template-columns: repeat(auto-fit, minmax(11em, 1fr)); }
  .actions { display: flex; gap: 0.5em; align-items: center; flex-wrap: wrap; }
  .replying { margin: 0; font-size: 0.875em; color: var(--parley-muted); }
  .replying a { color: inherit; }

  .comment { display: grid; grid-template-columns: 2.25em 1fr; column-gap: 0.75em; padding: 0.75em 0.25em; border-radius: var(--parley-radius); scroll-margin-top: 4em; }
  .comment:focus { outline: none; }
  .comment:focus-visible, .comment.highlight { background: var(--parley-highlight); }
  .comment > * { grid-column: 2; }
  .avatar {
    grid-column: 1;
    grid-row: 1 / span 3;
    width: 2.25em;
    height: 2.25em;
    border-radius: 50%;
    display: grid;
    place-items: center;
    font-weight: 600;
    font-size: 0.95em;
    color: #fff;
    user-select: none;
  }
  .h0 { background: #b3261e; } .h1 { background: #7d5260; } .h2 { background: #6750a4; } .h3 { background: #1e5aa8; }
  .h4 { background: #00696f; } .h5 { background: #386a20; } .h6 { background: #8c5000; } .h7 { background: #5d5f61; }
  .meta { display: flex; flex-wrap: wrap; gap: 0.25em 0.6em; align-items: baseline; font-size: 0.875em; }
  .author { font-weight: 600; }
  .author a { color: inherit; }
  .meta a.when { color: var(--parley-muted); text-decoration: none; }
  .meta a.when:hover { text-decoration: underline; }
  .body { overflow-wrap: anywhere; }
  .body p { margin: 0.3em 0; }
  .body a { color: inherit; }
  .deleted { color: var(--parley-muted); font-style: italic; }
  .tools { display: flex; gap: 0.25em; margin-left: -0.3em; }
  .comment > parley-form form { margin: 0.5em 0 0.25em; }
  .replies { margin-left: var(--parley-indent); padding-left: 0.5em; border-left: 2px solid var(--parley-border); }
  .replies.flat { margin-left: 0; padding-left: 0; border-left: 0; }
  .more { margin: 0.25em 0 0.5em 3em; }
  .load-more { margin-top: 1em; }
`;
