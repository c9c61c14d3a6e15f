// The marketing page: plans and reviews from the engine, the booking request that starts
// onboarding, and the contact form.
import { request } from '../api.js';
import { byId, h, say, busy, fields, money } from '../dom.js';

async function showPackages() {
  try {
    const plans = await request('/api/packages');
    byId('packages').replaceChildren(...plans.map((plan) => h('li', {},
      h('h3', {}, plan.name),
      h('p', { className: 'plan-price' }, `${plan.currency} ${money(plan.monthlyPrice)}`, h('small', {}, ' a month')),
      h('p', {}, plan.description),
      h('ul', {}, plan.features.map((feature) => h('li', {}, feature))))));
  } catch (error) {
    say(byId('packages-error'), error.message);
  }
}

async function showReviews() {
  const reviews = await request('/api/reviews').catch(() => []);
  byId('reviews-empty').hidden = reviews.length > 0;
  byId('reviews').replaceChildren(...reviews.map((review) => h('li', {},
    h('p', { className: 'muted', 'aria-label': `${review.rating} out of 5` }, '★'.repeat(review.rating) + '☆'.repeat(5 - review.rating)),
    h('blockquote', {}, review.text),
    h('p', {}, `— ${review.name}`))));
}

byId('booking-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  busy(form.querySelector('button[type=submit]'), async () => {
    say(byId('booking-error'), '');
    try {
      const created = await request('/api/bookings', { method: 'POST', body: fields(form) });
      byId('booking-link').href = created.onboardingUrl;
      form.hidden = true;
      byId('booking-done').hidden = false;
      byId('booking-done').focus();
    } catch (error) {
      say(byId('booking-error'), error.message);
    }
  });
});

byId('contact-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = event.currentTarget;
  busy(form.querySelector('button[type=submit]'), async () => {
    try {
      await request('/api/contact', { method: 'POST', body: fields(form) });
      form.reset();
      say(byId('contact-status'), 'Thank you: your message was sent. We answer within a working day.', 'info');
    } catch (error) {
      say(byId('contact-status'), error.message);
    }
  });
});

showPackages();
showReviews();
