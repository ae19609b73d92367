/**
 * Creates an element: h('span', { class: 'badge', 'data-testid': 'x', onclick: f }, 'text', child).
 * Attributes that are null, undefined or false are left out; true writes an empty attribute.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  element.append(...children.filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

/** Adds the option unless the select has it, keeping the options after the first ("all ...") sorted by label. */
export function ensureOption(select, value, label = value) {
  if (!value) return;
  const options = [...select.options];
  const existing = options.find((option) => option.value === value);
  if (existing) {
    if (label !== value && existing.textContent === value) existing.textContent = label;
    return;
  }
  const option = h('option', { value }, label);
  const after = options.slice(1).find((other) => other.textContent.localeCompare(label) > 0);
  select.insertBefore(option, after ?? null);
}
