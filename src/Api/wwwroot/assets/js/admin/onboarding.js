// Onboarding for the operator: booking requests with their state (and a new link on demand), the
// mail outbox (what waits, what was sent, what failed), contact messages, and reviews to approve.
import { byId, dateTime, h, say } from '../dom.js';
import { adminApi } from './session.js';

const states = { LinkSent: 'link sent', InProgress: 'in progress', Activated: 'activated', Expired: 'expired' };

export function initOnboarding() {
  const error = byId('onboarding-error');
  const status = byId('onboarding-status');

  const requestRow = (request) => h('tr', { dataset: { bookingId: request.bookingId } },
    h('td', {}, String(request.bookingId)),
    h('td', {}, dateTime(request.receivedAt)),
    h('td', {}, request.name),
    h('td', {}, request.email),
    h('td', {}, `${request.eventType}, ${request.eventDate}`),
    h('td', {}, request.status === 'InProgress' ? `in progress at step ${request.currentStep}` : states[request.status] ?? request.status),
    h('td', {}, request.appId ? h('code', {}, request.appId) : ''),
    h('td', {}, request.appId ? '' : h('button', {
      type: 'button', className: 'secondary', 'aria-label': `Send new link to ${request.email}`,
      onclick: async (event) => {
        event.currentTarget.disabled = true;
        try {
          await adminApi(`/admin/onboarding/requests/${request.bookingId}/resend`, { method: 'POST' });
          say(status, `A new link for request ${request.bookingId} is in the outbox; the old one no longer works.`, 'info');
          await load();
        } catch (failure) {
          say(error, failure.message);
        }
      },
    }, 'Send new link')));

  const outboxRow = (message) => h('tr', { dataset: { messageId: message.id } },
    h('td', {}, dateTime(message.createdAt)),
    h('td', {}, message.to),
    h('td', {}, message.subject),
    h('td', {}, message.status === 'Pending' && message.attempts > 0 ? `retrying (${message.lastError})` : message.status.toLowerCase()),
    h('td', { className: 'num' }, String(message.attempts)),
    h('td', {}, message.body ? h('details', {}, h('summary', {}, 'Show message'), h('pre', { className: 'mail-body' }, message.body)) : ''));

  const reviewItem = (review) => h('li', {},
    h('p', {}, h('strong', {}, review.name), ` · ${review.rating} of 5 · ${review.approved ? 'approved' : 'waiting for approval'}`),
    h('p', {}, review.text),
    review.approved ? '' : h('button', {
      type: 'button', 'aria-label': `Approve the review by ${review.name}`,
      onclick: async () => {
        try {
          await adminApi(`/admin/reviews/${review.id}/approve`, { method: 'POST' });
          await load();
        } catch (failure) {
          say(error, failure.message);
        }
      },
    }, 'Approve'));

  async function load() {
    say(error, '');
    try {
      const [requests, outbox, contacts, reviews] = await Promise.all([
        adminApi('/admin/onboarding/requests?limit=50'),
        adminApi('/admin/outbox?limit=50'),
        adminApi('/admin/contacts?limit=50'),
        adminApi('/admin/reviews?limit=50'),
      ]);
      byId('requests-rows').replaceChildren(...(requests.items.length ? requests.items.map(requestRow)
        : [h('tr', {}, h('td', { colSpan: 8, className: 'muted' }, 'No booking requests yet.'))]));
      byId('outbox-smtp').textContent = outbox.smtpConfigured
        ? 'Messages are sent through the configured mail server.'
        : 'No mail server is configured (Mail:Smtp:Host): messages stay here; forward a link by hand if needed.';
      byId('outbox-rows').replaceChildren(...(outbox.messages.length ? outbox.messages.map(outboxRow)
        : [h('tr', {}, h('td', { colSpan: 6, className: 'muted' }, 'The outbox is empty.'))]));
      byId('contacts-empty').hidden = contacts.length > 0;
      byId('contacts-list').replaceChildren(...contacts.map((message) => h('li', {},
        h('p', {}, h('strong', {}, message.name), ` <${message.email}> · ${dateTime(message.receivedAt)}`),
        h('p', {}, message.message))));
      byId('reviews-admin-empty').hidden = reviews.length > 0;
      byId('reviews-admin-list').replaceChildren(...reviews.map(reviewItem));
    } catch (failure) {
      say(error, failure.message);
    }
  }

  return { show: load };
}
