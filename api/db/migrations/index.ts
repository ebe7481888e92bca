/** Every migration in order. Forward only: a shipped file is never edited, a change is a new file. */
import init from './001-init.sql?raw';
import votes from './002-votes.sql?raw';
import moderation from './003-moderation.sql?raw';
import voteAddresses from './004-vote-addresses.sql?raw';
import rateLimits from './005-rate-limits.sql?raw';
import pageAliases from './006-page-aliases.sql?raw';
import imports from './007-imports.sql?raw';
import readVersions from './008-read-versions.sql?raw';
import notifications from './009-notifications.sql?raw';
import recentComments from './010-recent-comments.sql?raw';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  { id: 1, name: 'init', sql: init },
  { id: 2, name: 'votes', sql: votes },
  { id: 3, name: 'moderation', sql: moderation },
  { id: 4, name: 'vote-addresses', sql: voteAddresses },
  { id: 5, name: 'rate-limits', sql: rateLimits },
  { id: 6, name: 'page-aliases', sql: pageAliases },
  { id: 7, name: 'imports', sql: imports },
  { id: 8, name: 'read-versions', sql: readVersions },
  { id: 9, name: 'notifications', sql: notifications },
  { id: 10, name: 'recent-comments', sql: recentComments },
];
