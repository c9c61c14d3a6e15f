// A secret shown once (an API key, a webhook signing secret): the panel with its copy button and
// the "I have stored it" button that clears and hides it.
import { byId } from '../dom.js';

export function secretPanel({ panel, input, copy, dismiss, status, noun }) {
  byId(copy).addEventListener('click', async () => {
    const field = byId(input);
    try {
      await navigator.clipboard.writeText(field.value);
      byId(status).textContent = 'Copied to the clipboard.';
    } catch {
      field.select();
      byId(status).textContent = `Copying was refused by the browser: the ${noun} is selected, press Ctrl+C (⌘C).`;
    }
  });
  byId(dismiss).addEventListener('click', () => {
    byId(input).value = '';
    byId(panel).hidden = true;
  });

  return (value) => {
    byId(input).value = value;
    byId(status).textContent = '';
    byId(panel).hidden = false;
    byId(panel).focus();
  };
}
