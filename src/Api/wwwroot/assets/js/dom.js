// Small DOM helpers: elements built with textContent only, so no API value is ever parsed as HTML.

export const byId = (id) => document.getElementById(id);

/** h('td', { className: 'num' }, 'text', otherNode): an element with properties, attributes and children. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'dataset') Object.assign(element.dataset, value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (name in element && !name.includes('-')) element[name] = value;
    else element.setAttribute(name, value === true ? '' : value);
  }
  element.append(...children.flat().filter((child) => child !== null && child !== undefined));
  return element;
}

/** Writes a message into a message box (role=alert or status in the markup); empty hides it. */
export function say(box, text, kind = 'error') {
  box.classList.remove('error', 'info', 'warn');
  box.classList.add('message', kind);
  box.textContent = text ?? '';
}

export const money = (value) =>
  Number(value).toLocaleString('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const dateTime = (iso) =>
  iso ? new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : '';

/** Disables a button while an action runs, so a second click cannot start it again. */
export async function busy(button, action) {
  if (button.disabled) return undefined;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await action();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

/** The form's fields as an object of trimmed strings. */
export const fields = (form) =>
  Object.fromEntries([...new FormData(form)].map(([name, value]) => [name, typeof value === 'string' ? value.trim() : value]));
