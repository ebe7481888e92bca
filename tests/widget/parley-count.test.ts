import { expect } from 'chai';
import { api, cleanup, seed, uniquePage, until } from './helpers.ts';

afterEach(cleanup);

describe('<parley-count>', () => {
  it('fills every badge on a page with one request', async () => {
    const a = uniquePage('count-a');
    const b = uniquePage('count-b');
    const first = await seed({ page: a, body: 'one' });
    await seed({ page: a, body: 'two', parentId: first.comment.id });
    await seed({ page: b, body: 'three' });
    performance.clearResourceTimings();
    const badges = [a, b, uniquePage('count-none')].map((page) => {
      const el = document.createElement('parley-count');
      el.setAttribute('page', page);
      el.setAttribute('api', api);
      document.body.append(el);
      return el;
    });
    await until(() => badges.every((el) => el.shadowRoot?.textContent?.includes('comment')), 'all counts');
    expect(badges.map((el) => el.shadowRoot!.textContent)).to.deep.equal(['2 comments', '1 comment', '0 comments']);
    const requests = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/counts'));
    expect(requests).to.have.length(1);
  });

  it('counts again when its page changes', async () => {
    const a = uniquePage('count-change-a');
    const b = uniquePage('count-change-b');
    await seed({ page: a, body: 'one' });
    const el = document.createElement('parley-count');
    el.setAttribute('api', api);
    el.setAttribute('page', b);
    document.body.append(el);
    await until(() => el.shadowRoot?.textContent === '0 comments', 'the first count');
    el.setAttribute('page', a);
    await until(() => el.shadowRoot?.textContent === '1 comment', 'the count of the new page');
  });
});
