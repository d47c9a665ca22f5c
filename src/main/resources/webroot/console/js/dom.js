// Building the page. Data goes in as text nodes only, never as markup: a record's name cannot become script.

/** An element: h('a', {href: '#/x', class: 'btn', onclick: fn}, 'text', child, [more children]). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    // through the CSSOM: the Content-Security-Policy refuses style attributes written as text
    else if (name === 'style') Object.assign(el.style, value);
    else if (name === 'value' || name === 'checked' || name === 'disabled') el[name] = value;
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** A table with a header row; each row is an array of cells (text or elements), or {cells, class, onclick}. */
export function table(headers, rows, attrs) {
  return h('table', attrs || {},
    h('thead', {}, h('tr', {}, headers.map(head => h('th', {}, head)))),
    h('tbody', {}, rows.map(row => {
      const spec = Array.isArray(row) ? {cells: row} : row;
      return h('tr', {class: spec.class, onclick: spec.onclick}, spec.cells.map(cell => h('td', {}, cell)));
    })));
}

/** Replaces what el shows. */
export function show(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A link inside the console. */
export function link(route, text) {
  return h('a', {href: '#' + route}, text);
}

/** A labelled input for forms. */
export function field(label, input) {
  return h('label', {class: 'field'}, h('span', {}, label), input);
}

/** An area for an action's answer: ok(message) or fail(error). */
export function notice() {
  const el = h('div', {class: 'notice', role: 'status'});
  return {
    el,
    ok(text) { show(el, h('p', {class: 'ok'}, text)); },
    fail(error) {
      show(el, problem(error));
      // 412: what the page shows changed since it was read; the steward decides again on what it says now
      if (error.status === 412) el.append(h('p', {}, reloadLink('Read it again')));
    },
    clear() { el.replaceChildren(); },
  };
}

/** A link that reads the page again from the hub. */
export function reloadLink(text) {
  return h('a', {href: '#', onclick: e => { e.preventDefault(); location.reload(); }}, text);
}

/** An API problem (title, detail, status) as the page shows it. */
export function problem(error) {
  // an API problem has a title and detail; a failure of the page's own code only its message
  const detail = error.detail || (error.title ? null : error.message);
  return h('div', {class: 'problem'},
    h('strong', {}, error.title || 'Error'), error.status ? ' (' + error.status + ')' : '',
    detail ? h('p', {}, detail) : null);
}
