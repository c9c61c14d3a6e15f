// Each wizard step's form turned into the answers PUT /api/onboarding/steps/{n} takes, and back.

const list = (text) => (text ?? '').split(/[\s,;]+/).map((s) => s.trim()).filter(Boolean);
const lines = (text) => (text ?? '').split('\n').map((s) => s.trim()).filter(Boolean);
const number = (text) => (text === '' || text === undefined ? null : Number(String(text).replace(',', '.')));
const slug = (text) => (text ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40);

/** The defaults a step shows before it was ever saved: step 2 and 3 come from the booking request. */
export function defaults(step, request) {
  switch (step) {
    case 2: return { businessName: request.businessName, contactName: request.businessName, email: request.email, phone: request.phone };
    case 3: return {
      domain: 'EVENT',
      entities: [{
        entityId: slug(`${request.eventType}-${request.eventDate}`) || 'first-event',
        name: `${request.eventType} on ${request.eventDate}`,
        items: Array.from({ length: 10 }, (_, i) => `A${i + 1}`),
      }],
    };
    case 5: return { currency: 'EUR', defaultPrice: 25, prices: [] };
    case 6: return { confirmation: 'MANUAL', webhookUrl: null };
    case 8: return { allowedDomains: [], holdSeconds: 120 };
    default: return null;
  }
}

/** The answers of a step's form. */
export function read(step, form) {
  const value = (name) => form.elements[name]?.value.trim() ?? '';
  const checked = (name) => form.elements[name]?.checked === true;
  switch (step) {
    case 1: return { acceptTerms: checked('acceptTerms') };
    case 2: return { businessName: value('businessName'), contactName: value('contactName'), email: value('email'), phone: value('phone') };
    case 3: return { domain: value('domain'), entities: [{ entityId: value('entityId'), name: value('entityName'), items: list(value('items')) }] };
    case 4: return {
      bundles: lines(value('bundles')).map((line) => {
        const [name, items] = line.includes(':') ? [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)] : [line, ''];
        return { name: name.trim(), items: list(items) };
      }),
    };
    case 5: return {
      currency: value('currency'),
      defaultPrice: number(value('defaultPrice')),
      prices: lines(value('prices')).map((line) => {
        const [item, price] = line.split('=');
        return { item: (item ?? '').trim(), price: number((price ?? '').trim()) };
      }),
    };
    case 6: return { confirmation: value('confirmation'), webhookUrl: value('webhookUrl') || null };
    case 7: return {
      members: lines(value('crew')).map((line) => {
        const [name, email, role] = line.split(',').map((s) => s.trim());
        return { name: name ?? '', email: email ?? '', role: role ?? '' };
      }),
    };
    case 8: return { allowedDomains: lines(value('allowedDomains')), holdSeconds: number(value('holdSeconds')) };
    case 9: return { confirmed: checked('confirmed') };
    default: return {};
  }
}

/** Puts saved (or default) answers into a step's form. */
export function fill(step, form, answers) {
  if (!answers) return;
  const set = (name, value) => { if (form.elements[name]) form.elements[name].value = value ?? ''; };
  switch (step) {
    case 1: form.elements.acceptTerms.checked = answers.acceptTerms === true; break;
    case 2: for (const name of ['businessName', 'contactName', 'email', 'phone']) set(name, answers[name]); break;
    case 3: {
      const entity = answers.entities?.[0] ?? {};
      set('domain', answers.domain);
      set('entityId', entity.entityId);
      set('entityName', entity.name);
      set('items', (entity.items ?? []).join(' '));
      break;
    }
    case 4: set('bundles', (answers.bundles ?? []).map((b) => `${b.name}: ${(b.items ?? []).join(' ')}`).join('\n')); break;
    case 5:
      set('currency', answers.currency);
      set('defaultPrice', answers.defaultPrice);
      set('prices', (answers.prices ?? []).map((p) => `${p.item} = ${p.price}`).join('\n'));
      break;
    case 6: set('confirmation', answers.confirmation); set('webhookUrl', answers.webhookUrl); break;
    case 7: set('crew', (answers.members ?? []).map((m) => `${m.name}, ${m.email}, ${m.role}`).join('\n')); break;
    case 8: set('allowedDomains', (answers.allowedDomains ?? []).join('\n')); set('holdSeconds', answers.holdSeconds); break;
    case 9: form.elements.confirmed.checked = answers.confirmed === true; break;
    default: break;
  }
}

/** What step 9 shows before the app is made: the saved answers in a few lines. */
export function summary(answers) {
  const inventory = answers[3]?.entities?.[0];
  const pricing = answers[5];
  return [
    ['Business', answers[2]?.businessName],
    ['Dashboard login', answers[2]?.email],
    ['Reserved', inventory ? `${inventory.name} (${inventory.entityId}): ${inventory.items.length} seats or items` : 'not saved'],
    ['Bundles', String(answers[4]?.bundles?.length ?? 0)],
    ['Price', pricing ? `${pricing.defaultPrice} ${pricing.currency}, ${pricing.prices.length} other prices` : 'not saved'],
    ['Confirmation', answers[6]?.confirmation === 'ONLINE' ? `payment provider, webhook ${answers[6].webhookUrl}` : 'by your staff'],
    ['Crew', String(answers[7]?.members?.length ?? 0)],
    ['Sites', (answers[8]?.allowedDomains ?? []).join(', ') || 'none yet'],
  ];
}
