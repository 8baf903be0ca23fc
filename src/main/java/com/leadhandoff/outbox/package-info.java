/**
 * Outbox owns getting messages out of the product without losing or inventing any: a message (a notification email, a
 * Slack or Teams post, a webhook) is a row of {@code outbox_messages} written in the transaction of the engine step
 * that causes it, so a step that rolls back sends nothing and a committed one is delivered. A worker on every node
 * takes due messages under a lease (a node that dies mid-delivery loses its lease, another node delivers), delivers
 * them through the channel they name, in order per ordering key, retries with exponential backoff and jitter, and
 * after the last attempt marks them dead: listed for managers and administrators, counted, and sent again on request.
 * The channels themselves (email, chat, webhooks) belong to the features that write the messages.
 */
package com.leadhandoff.outbox;
