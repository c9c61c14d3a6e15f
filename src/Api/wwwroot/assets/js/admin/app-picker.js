// Fills an app <select> with the apps, keeping the current choice when it still exists.
import { h } from '../dom.js';

export function fillAppPicker(select, apps, { allLabel = null } = {}) {
  const current = select.value;
  const options = apps.map((app) => h('option', { value: app.appId }, `${app.name} (${app.appId})`));
  select.replaceChildren(...(allLabel ? [h('option', { value: '' }, allLabel)] : []), ...options);
  if ([...select.options].some((option) => option.value === current)) select.value = current;
}
