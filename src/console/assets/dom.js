// Builds DOM nodes from data without ever parsing HTML: every piece of text goes in as a text
// node, so a verbatim, a name or an id from the server can never become markup.

const SVG_NS = 'http://www.w3.org/2000/svg';

function setProperties(node, props) {
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (key === 'class') {
      node.setAttribute('class', value);
    } else if (key === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else {
      node.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

function appendChildren(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : String(child));
  }
}

// el('p', {class: 'x'}, 'text', otherNode): an HTML element.
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  setProperties(node, props);
  appendChildren(node, children);
  return node;
}

// svg('circle', {cx: 3}): an SVG element (attributes only, no style: the CSP forbids inline style).
export function svg(tag, props = {}, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setProperties(node, props);
  appendChildren(node, children);
  return node;
}
