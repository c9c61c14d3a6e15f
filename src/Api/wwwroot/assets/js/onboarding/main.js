// The onboarding wizard at /onboarding?token=…: ten steps, each saved on the server, so progress
// survives closing the page. The step is in the address (#step-3), so Back and Forward work.
import { request } from '../api.js';
import { byId, h, say, busy, dateTime } from '../dom.js';
import { defaults, read, fill, summary } from './steps.js';
import { runTest } from './test-run.js';

const token = new URLSearchParams(location.search).get('token') ?? '';
const state = { request: null, answers: {}, currentStep: 0, credentials: null };
const form = (step) => byId(`step-${step}`);

function reachable(step) {
  if (state.credentials) return 10;
  return Math.min(Math.max(1, step), state.currentStep + 1, 9);
}

function show(step) {
  const shown = reachable(step);
  for (let n = 1; n <= 10; n++) form(n).hidden = n !== shown;
  for (const item of byId('progress').children) {
    const n = Number(item.dataset.step);
    if (n === shown) item.setAttribute('aria-current', 'step');
    else item.removeAttribute('aria-current');
    if (n <= state.currentStep || (state.credentials && n <= 10)) item.dataset.done = '';
    else delete item.dataset.done;
  }
  if (shown === 9) renderSummary();
  document.title = `Step ${shown} of 10 · Set up your app`;
  if (`#step-${shown}` !== location.hash) history.replaceState(null, '', `#step-${shown}`);
  return shown;
}

function go(step) {
  history.pushState(null, '', `#step-${reachable(step)}`);
  const shown = show(step);
  form(shown).querySelector('h2').focus?.();
  byId('main').focus();
}

function renderSummary() {
  const list = byId('summary');
  list.replaceChildren(...summary(state.answers).flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value ?? '')]));
}

async function save(step) {
  const box = form(step).querySelector('.step-error');
  say(box, '');
  try {
    const saved = await request(`/api/onboarding/steps/${step}`, { method: 'PUT', body: { token, answers: read(step, form(step)) } });
    state.answers[step] = saved.answers;
    state.currentStep = saved.currentStep;
    return true;
  } catch (error) {
    say(box, error.message);
    if (error.status === 410 || error.status === 404) linkDead(error.message);
    return false;
  }
}

async function activate() {
  const box = form(9).querySelector('.step-error');
  const log = byId('test-log');
  log.replaceChildren();
  const created = h('li', { dataset: { state: 'running' } }, 'Creating your app…');
  log.append(created);
  let done;
  try {
    done = await request('/api/onboarding/complete', { method: 'POST', body: { token } });
  } catch (error) {
    created.dataset.state = 'error';
    created.textContent = `Creating your app: failed: ${error.message}`;
    say(box, error.message);
    return;
  }
  if (done.alreadyActivated) {
    created.textContent = `Your app ${done.appId} was created already; its key was shown then.`;
    return;
  }
  created.dataset.state = 'ok';
  created.textContent = `Creating your app: done (${done.appId}).`;
  state.credentials = done;
  form(9).querySelector('.row').hidden = true;
  byId('expires').textContent = 'Your app is live; this link no longer works.';
  try {
    await runTest(log, done);
  } catch (error) {
    say(box, `Your app exists, but the test booking failed: ${error.message}`);
  }
  byId('done-app-id').value = done.appId;
  byId('done-api-key').value = done.apiKey;
  byId('done-email').value = done.organiserEmail ?? '';
  byId('done-password').value = done.organiserPassword ?? '';
  byId('done-note').textContent = done.organiserPassword ? '' : 'Your dashboard account was made by an earlier attempt; ask us to reset its password.';
  const next = h('button', { type: 'button', onclick: () => go(10) }, 'Show my credentials');
  log.after(next);
}

function linkDead(message) {
  say(byId('link-error'), message);
}

async function start() {
  if (!token) {
    byId('loading').hidden = true;
    say(byId('link-error'), 'This page needs the link from your booking confirmation or e-mail (it ends in ?token=…).');
    return;
  }
  let prefill;
  try {
    prefill = await request(`/api/onboarding/prefill?token=${encodeURIComponent(token)}`);
  } catch (error) {
    byId('loading').hidden = true;
    say(byId('link-error'), error.message);
    return;
  }
  state.request = prefill;
  state.currentStep = prefill.currentStep;
  state.answers = Object.fromEntries(Object.entries(prefill.answers).map(([step, answers]) => [Number(step), answers]));
  for (let step = 1; step <= 9; step++) fill(step, form(step), state.answers[step] ?? defaults(step, prefill));
  byId('expires').textContent = `Your progress is saved. This link works until ${dateTime(prefill.expiresAt)}.`;
  byId('loading').hidden = true;
  byId('wizard').hidden = false;

  for (let step = 1; step <= 9; step++) {
    const stepForm = form(step);
    stepForm.addEventListener('submit', (event) => {
      event.preventDefault();
      busy(stepForm.querySelector('button[type=submit]'), async () => {
        if (!(await save(step))) return;
        if (step === 9) await activate();
        else go(step + 1);
      });
    });
    stepForm.querySelector('.back')?.addEventListener('click', () => go(step - 1));
  }

  const wanted = Number(location.hash.replace('#step-', '')) || state.currentStep + 1;
  show(wanted);
}

window.addEventListener('popstate', () => show(Number(location.hash.replace('#step-', '')) || 1));
start();
