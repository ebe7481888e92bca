/** Size limits both sides enforce: the server refuses past them, the widget says so before sending. */
export const limits = {
  bodyChars: 10_000,
  nameChars: 64,
  emailChars: 254,
  websiteChars: 300,
  pageKeyChars: 512,
  pageTitleChars: 300,
  pageUrlChars: 2048,
  siteSlugChars: 64,
  cursorChars: 512,
  pageSizeDefault: 50,
  pageSizeMax: 200,
  countsPagesMax: 100,
  /** Request bodies larger than this are refused before they are parsed. */
  requestBytes: 64 * 1024,
} as const;
