import { describe, expect, it } from 'vitest';
import { renderComment } from '../../../api/render/markdown.ts';
import { hostile } from '../../fixtures/hostile.ts';

describe('Markdown in comments', () => {
  const cases: [string, string, string][] = [
    ['emphasis and strong', '*a* _b_ **c** __d__', '<p><em>a</em> <em>b</em> <strong>c</strong> <strong>d</strong></p>'],
    ['inline code, escaped', 'use `<b>` here', '<p>use <code>&lt;b&gt;</code> here</p>'],
    ['fenced code blocks', '```js\nlet a = 1 < 2;\n```', '<pre><code class="language-js">let a = 1 &lt; 2;\n</code></pre>'],
    ['line breaks', 'one\ntwo', '<p>one<br />\ntwo</p>'],
    ['block quotes', '> quoted\n\nreply', '<blockquote>\n<p>quoted</p>\n</blockquote>\n<p>reply</p>'],
    ['lists', '- a\n- b\n\n3. c\n4. d', '<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n<ol start="3">\n<li>c</li>\n<li>d</li>\n</ol>'],
    ['links', '[site](https://example.com)', '<p><a href="https://example.com" rel="nofollow ugc noopener noreferrer">site</a></p>'],
    ['autolinked URLs', 'see https://example.com/x?y=1', '<p>see <a href="https://example.com/x?y=1" rel="nofollow ugc noopener noreferrer">https://example.com/x?y=1</a></p>'],
    ['mailto links', '<mailto:a@example.com>', '<p><a href="mailto:a@example.com" rel="nofollow ugc noopener noreferrer">mailto:a@example.com</a></p>'],
    ['images as links, never images', '![a cat](https://example.com/cat.png)', '<p>!<a href="https://example.com/cat.png" rel="nofollow ugc noopener noreferrer">a cat</a></p>'],
    ['headings as text', '# Big', '<p># Big</p>'],
    ['raw HTML as text', '<b>hi</b>', '<p>&lt;b&gt;hi&lt;/b&gt;</p>'],
    ['relative links as text', '[home](/)', '<p>home</p>'],
    ['a bad link before a good one', '[a](/x) and [b](https://b.example)', '<p>a and <a href="https://b.example" rel="nofollow ugc noopener noreferrer">b</a></p>'],
  ];
  for (const [what, source, html] of cases) {
    it(`renders ${what}`, () => expect(renderComment(source)).toBe(html));
  }

  it('gives every link the rel values and nothing but http(s) and mailto survives', () => {
    for (const source of hostile) {
      const html = renderComment(source);
      const tags = [...html.matchAll(/<[a-z][^>]*>/gi)].map((m) => m[0]);
      for (const tag of tags) {
        expect(tag, source).not.toMatch(/\son\w+=/i);
        const href = /\shref="([^"]*)"/.exec(tag)?.[1];
        if (href !== undefined) expect(href, source).toMatch(/^(https?:\/\/|mailto:)/i);
      }
      expect(html.match(/<a /g)?.length ?? 0, source).toBe(html.match(/rel="nofollow ugc noopener noreferrer"/g)?.length ?? 0);
      expect(html, source).not.toMatch(/<(script|style|iframe|object|embed|form|base|meta|img|svg|math|details|body)\b/i);
    }
  });
});
