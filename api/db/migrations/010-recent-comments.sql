-- Every post checks that its writer has not posted the same text on the page in the last minutes (createComment).
-- With only comments_top's page column to go on, that check read every comment of the thread inside the write
-- transaction (2.6 ms in a 50,000-comment thread, 0.05 ms in a 100-comment one); by page and time it reads only the
-- page's recent comments. Kept narrow, as every comment written adds to it.
CREATE INDEX comments_page_time ON comments (page_id, created_at);
