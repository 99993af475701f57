// Show a question only when its condition holds, as the user answers. The server applies the
// same conditions whatever happens here (leaver/questionnaires/conditions.py, whose docstring
// gives the semantics followed: ODK / XPath 1.0). Without JavaScript every question shows,
// with a hint saying when to answer it.
const groups = document.querySelectorAll('[data-relevant]')

function answers (form) {
  const values = {}
  for (const input of form.elements) {
    if (!input.name || input.disabled) continue
    if (input.type === 'radio') {
      if (!(input.name in values)) values[input.name] = ''
      if (input.checked) values[input.name] = input.value
    } else if (input.type === 'checkbox') {
      if (!Array.isArray(values[input.name])) values[input.name] = []
      if (input.checked) values[input.name].push(input.value)
    } else {
      values[input.name] = input.value
    }
  }
  return values
}

function text (value) {
  return Array.isArray(value) ? value.join(' ') : (value ?? '')
}

// As on the server: plain decimal numbers only (no hex, no Infinity), otherwise NaN.
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/

function number (value) {
  const trimmed = text(value).trim()
  return NUMBER.test(trimmed) ? Number(trimmed) : NaN
}

// A real calendar date written YYYY-MM-DD (2026-02-30 is not one).
function isDate (day) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return false
  const parsed = new Date(day + 'T00:00:00Z')
  return !isNaN(parsed) && parsed.toISOString().slice(0, 10) === day
}

const ORDER = {
  '<': (a, b) => a < b, '<=': (a, b) => a <= b, '>': (a, b) => a > b, '>=': (a, b) => a >= b
}

function evaluate (node, values) {
  switch (node.op) {
    case 'always': return true
    case 'and': return evaluate(node.args[0], values) && evaluate(node.args[1], values)
    case 'or': return evaluate(node.args[0], values) || evaluate(node.args[1], values)
    case 'not': return !evaluate(node.arg, values)
    case 'selected': return text(values[node.key]).split(/\s+/).includes(node.value)
  }
  const answer = values[node.key]
  if (node.op === '=' || node.op === '!=') {
    const equal = typeof node.value === 'number'
      ? number(answer) === node.value
      : text(answer) === node.value
    return node.op === '=' ? equal : !equal
  }
  if (typeof node.value === 'number') return ORDER[node.op](number(answer), node.value)
  // A date: both sides 'YYYY-MM-DD', which compare correctly as strings.
  const day = text(answer)
  return isDate(day) && ORDER[node.op](day, node.value)
}

function update (form) {
  const values = answers(form)
  for (const group of form.querySelectorAll('[data-relevant]')) {
    group.hidden = !evaluate(JSON.parse(group.dataset.relevant), values)
  }
}

for (const form of new Set([...groups].map((group) => group.closest('form')))) {
  if (!form) continue
  form.addEventListener('input', () => update(form))
  form.addEventListener('change', () => update(form))
  update(form)
}

export { answers, evaluate }
