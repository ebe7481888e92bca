import { describe, expect, it } from 'vitest';
import { tableCounts } from '../../helpers/db.ts';
import { testApp } from '../../helpers/app.ts';

describe('preview', () => {
  it('renders a draft as it would be posted and stores nothing', async () => {
    const t = await testApp();
    const before = await tableCounts(t.db);
    const res = await t.post('/api/preview', { body: '**hi** <script>x</script>' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ html: '<p><strong>hi</strong> &lt;script&gt;x&lt;/script&gt;</p>' });
    expect(await tableCounts(t.db)).toEqual(before);
  });

  it('refuses an empty draft', async () => {
    const t = await testApp();
    expect((await t.post('/api/preview', { body: ' ' })).status).toBe(400);
  });
});
