// Apps: list, create, rename, enable or disable, allowed domains, who may confirm bookings, and the
// rotation of each key and of the payment signing secret. A new secret is shown once, with a copy button.
import { byId, busy, dateTime, fields, h, say } from '../dom.js';
import { adminApi, listApps } from './session.js';
import { secretPanel } from './secret-panel.js';

const domainsOf = (text) => text.split(/[\s,]+/).map((entry) => entry.trim()).filter(Boolean);

export function initApps() {
  const error = byId('apps-error');
  const list = byId('apps-list');
  const createForm = byId('create-form');

  const showSecret = secretPanel({ panel: 'new-key', input: 'new-key-value', copy: 'copy-key', dismiss: 'dismiss-key', status: 'copy-status', noun: 'secret' });
  const showKey = (appId, value, label = 'API key') => {
    byId('new-key-heading').textContent = `New ${label}`;
    byId('new-key-label').textContent = label.charAt(0).toUpperCase() + label.slice(1);
    byId('new-key-noun').textContent = label;
    byId('new-key-app').value = appId;
    showSecret(value);
  };

  // The browser's key, the server's key and the payment signing secret: each issued (or replaced) on its own.
  const credentials = [
    { label: 'publishable key', path: 'rotate-publishable-key', member: 'publishableKey', issued: (app) => app.credentials.publishableKey },
    { label: 'secret key', path: 'rotate-secret-key', member: 'secretKey', issued: (app) => app.credentials.secretKey },
    { label: 'signing secret', path: 'rotate-signing-secret', member: 'signingSecret', issued: (app) => app.credentials.signingSecret },
  ];

  const act = async (button, action) => busy(button, async () => {
    try {
      say(error, '');
      await action();
    } catch (failure) {
      say(error, failure.message);
    }
  });

  const render = (apps) => {
    byId('apps-empty').hidden = apps.length > 0;
    list.replaceChildren(...apps.map((app) => appItem(app)));
  };

  const refresh = async () => render(await listApps());

  const appItem = (app) => {
    const headingId = `app-${app.appId}`;
    const rotate = h('button', { type: 'button', className: 'secondary', 'aria-describedby': headingId }, 'Rotate key');
    const confirmRotate = h('span', { className: 'row', hidden: true },
      h('span', {}, 'The current key stops working at once.'),
      h('button', { type: 'button', className: 'danger', 'aria-describedby': headingId, onclick: (event) => act(event.currentTarget, async () => {
        const rotated = await adminApi(`/admin/apps/${app.appId}/rotate-key`, { method: 'POST' });
        confirmRotate.hidden = true;
        showKey(rotated.appId, rotated.apiKey);
      }) }, 'Rotate now'),
      h('button', { type: 'button', className: 'link-button', onclick: () => { confirmRotate.hidden = true; rotate.focus(); } }, 'Cancel'));
    rotate.addEventListener('click', () => {
      confirmRotate.hidden = false;
      confirmRotate.querySelector('button').focus();
    });

    const credentialButtons = credentials.map((credential) => {
      const issued = credential.issued(app);
      const open = h('button', { type: 'button', className: 'secondary', 'aria-describedby': headingId }, `New ${credential.label}`);
      const confirm = h('span', { className: 'row', hidden: true },
        h('span', {}, issued ? `The current ${credential.label} stops working at once.` : `The app has no ${credential.label} yet.`),
        h('button', { type: 'button', className: issued ? 'danger' : 'secondary', 'aria-describedby': headingId, onclick: (event) => act(event.currentTarget, async () => {
          const rotated = await adminApi(`/admin/apps/${app.appId}/${credential.path}`, { method: 'POST' });
          confirm.hidden = true;
          showKey(rotated.appId, rotated[credential.member], credential.label);
          await refresh();
        }) }, 'Issue now'),
        h('button', { type: 'button', className: 'link-button', onclick: () => { confirm.hidden = true; open.focus(); } }, 'Cancel'));
      open.addEventListener('click', () => {
        confirm.hidden = false;
        confirm.querySelector('button').focus();
      });
      return h('div', { className: 'row' }, open, confirm);
    });
    const issuedNames = credentials.filter((credential) => credential.issued(app)).map((credential) => credential.label);

    const toggle = h('button', { type: 'button', className: app.enabled ? 'danger' : 'secondary', 'aria-describedby': headingId,
      onclick: (event) => act(event.currentTarget, async () => {
        await adminApi(`/admin/apps/${app.appId}`, { method: 'PATCH', body: { enabled: !app.enabled } });
        await refresh();
      }) }, app.enabled ? 'Disable' : 'Enable');

    const nameId = `name-${app.appId}`;
    const domainsId = `domains-${app.appId}`;
    const confirmationId = `confirmation-${app.appId}`;
    const edit = h('form', { className: 'stack', noValidate: true, onsubmit: (event) => {
      event.preventDefault();
      const values = fields(event.currentTarget);
      act(event.currentTarget.querySelector('button'), async () => {
        await adminApi(`/admin/apps/${app.appId}`, {
          method: 'PATCH',
          body: { name: values.name, allowedDomains: domainsOf(values.allowedDomains), confirmation: values.confirmation },
        });
        await refresh();
      });
    } },
    h('div', { className: 'field' }, h('label', { htmlFor: nameId }, 'Name'), h('input', { id: nameId, name: 'name', value: app.name, maxLength: 100 })),
    h('div', { className: 'field' }, h('label', { htmlFor: domainsId }, 'Allowed domains (one per line)'),
      h('textarea', { id: domainsId, name: 'allowedDomains', value: app.allowedDomains.join('\n') })),
    h('div', { className: 'field' }, h('label', { htmlFor: confirmationId }, 'Who may confirm bookings'),
      h('select', { id: confirmationId, name: 'confirmation' },
        ...[['any', 'Any key but the publishable one (the default)'], ['server', 'Only the server: the secret key or a signed notification'], ['signed', 'Only a signed payment notification']]
          .map(([value, text]) => h('option', { value, selected: app.confirmation === value }, text)))),
    h('button', { type: 'submit' }, 'Save changes'));

    return h('li', { dataset: { appId: app.appId } },
      h('div', { className: 'app-head' },
        h('h3', { id: headingId }, app.name),
        h('code', {}, app.appId),
        h('span', { className: `status-pill ${app.enabled ? 'on' : 'off'}` }, app.enabled ? 'Enabled' : 'Disabled')),
      h('p', { className: 'muted' }, `${app.domain} · created ${dateTime(app.createdAt)}`),
      h('p', {}, 'Allowed domains: ', app.allowedDomains.length ? app.allowedDomains.join(', ') : h('span', { className: 'muted' }, 'none (only this engine\'s /demo and servers)')),
      h('p', {}, `Confirmation: ${app.confirmation}. Issued besides the app's key: `, issuedNames.length ? issuedNames.join(', ') : h('span', { className: 'muted' }, 'nothing')),
      h('div', { className: 'row' }, toggle, rotate, confirmRotate),
      ...credentialButtons,
      h('details', {}, h('summary', {}, 'Edit name and allowed domains, and who may confirm'), edit));
  };

  createForm.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = fields(createForm);
    if (!values.name) {
      say(error, 'Give the app a name.');
      byId('create-name').focus();
      return;
    }
    act(createForm.querySelector('button'), async () => {
      const created = await adminApi('/admin/apps', {
        method: 'POST',
        body: { name: values.name, domain: values.domain, allowedDomains: domainsOf(values.allowedDomains) },
      });
      createForm.reset();
      showKey(created.appId, created.apiKey);
      await refresh();
    });
  });

  return {
    async show() {
      try {
        say(error, '');
        await refresh();
      } catch (failure) {
        say(error, failure.message);
      }
    },
  };
}
