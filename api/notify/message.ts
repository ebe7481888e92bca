/** What the outbox holds: a message ready to send, as stored in `outbox.message`. */

export interface EmailMessage {
  subject: string;
  text: string;
  html: string;
  /** Extra headers, such as List-Unsubscribe. */
  headers?: Record<string, string>;
}

export interface WebhookMessage {
  /** The exact bytes POSTed; the signature is made over them. */
  body: string;
  webhookId: number;
  event: WebhookEvent;
}

export const webhookEvents = ['comment.created', 'comment.approved', 'comment.deleted'] as const;
export type WebhookEvent = (typeof webhookEvents)[number];

/** `commentId`: the comment a message is about (erasing the comment erases the message). */
export type Outgoing =
  | { channel: 'email'; topic: string; site: string | null; recipient: string; message: EmailMessage; commentId?: number }
  | { channel: 'webhook'; topic: WebhookEvent; site: string; recipient: string; message: WebhookMessage; commentId?: number };
