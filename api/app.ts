/** The Hono app: public API, widget assets and demo page, one error shape for everything. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { limits } from '../shared/limits.ts';
import type { Deps } from './deps.ts';
import { ApiError, notFound, onError } from './errors.ts';
import { publicCors } from './middleware/cors.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { importBytes } from './routes/admin/backup.ts';
import { adminRoutes } from './routes/admin/index.ts';
import { assetRoutes } from './routes/assets.ts';
import { commentRoutes } from './routes/comments.ts';
import { countRoutes } from './routes/counts.ts';
import { feedRoutes } from './routes/feed.ts';
import { healthRoutes } from './routes/health.ts';
import { manageRoutes } from './routes/manage.ts';
import { newCommentRoutes } from './routes/new-comment.ts';
import { ownCommentRoutes } from './routes/own-comments.ts';
import { previewRoutes } from './routes/preview.ts';
import { unsubscribeRoutes } from './routes/unsubscribe.ts';
import { voteRoutes } from './routes/votes.ts';

export function createApp(deps: Deps): Hono {
  const app = new Hono();
  app.onError(onError);
  app.notFound(notFound);

  app.use('*', securityHeaders());
  // gzip for clients that ask (JSON, the widget, feeds, pages) over 1 KB; a CDN in front may do brotli.
  app.use('*', compress());
  app.use('/api/*', publicCors(deps));  // skips /api/admin: moderators use this server's own pages only
  const limitBody = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new ApiError('too_large', `The request body is larger than ${Math.round(maxSize / 1024)} KB.`);
      },
    });
  const small = limitBody(limits.requestBytes);
  const restore = limitBody(importBytes);
  // Every body is limited before it is read; only a backup being restored may be large.
  // Reads have no body to limit, and looking for one would build a whole fetch Request for every read.
  app.use('/api/*', (c, next) => (c.req.method === 'GET' ? next() : c.req.path === '/api/admin/import' ? restore(c, next) : small(c, next)));
  app.use('/manage/*', small);
  app.use('/unsubscribe', small);

  app.route('/api/comments', commentRoutes(deps));
  app.route('/api/comments', newCommentRoutes(deps));
  app.route('/api/comments', ownCommentRoutes(deps));
  app.route('/api/comments', voteRoutes(deps));
  app.route('/api/preview', previewRoutes(deps));
  app.route('/api/admin', adminRoutes(deps));
  app.route('/api/counts', countRoutes(deps));
  app.route('/api/feed.atom', feedRoutes(deps));
  app.route('/api/health', healthRoutes(deps));
  app.route('/manage', manageRoutes(deps));
  app.route('/unsubscribe', unsubscribeRoutes(deps));
  app.route('/', assetRoutes(deps));
  return app;
}
