// Check a question's constraint (XLSForm `constraint`, `.` being its own answer) as the form
// is sent, so that a mistake shows at once, in the same words and the same GOV.UK pattern as
// the server's check (leaver/questionnaires/answering.py), which applies whatever happens here.
// As on the server, an empty answer, "Did not want to answer" and "Not asked" always pass, and
// a question hidden by its condition is not checked.
import { answers, evaluate } from './conditions.js'

const NOT_ANSWERED = ['did_not_answer', 'not_asked']

function clear (group) {
  group.classList.remove('govuk-form-group--error')
  for (const old of group.querySelectorAll('[data-constraint-error]')) old.remove()
}

function show (group, input, message) {
  group.classList.add('govuk-form-group--error')
  const error = document.createElement('p')
  error.className = 'govuk-error-message'
  error.id = `${input.id}-error`
  error.dataset.constraintError = ''
  const hidden = document.createElement('span')
  hidden.className = 'govuk-visually-hidden'
  hidden.textContent = 'Error:'
  error.append(hidden, ' ', message)
  const before = group.querySelector('.govuk-radios, .govuk-checkboxes, input, textarea, select')
  before.parentNode.insertBefore(error, before)
  const described = new Set((input.getAttribute('aria-describedby') || '').split(' '))
  described.add(error.id)
  input.setAttribute('aria-describedby', [...described].filter(Boolean).join(' '))
}

function summary (form, problems) {
  for (const old of document.querySelectorAll('[data-constraint-summary]')) old.remove()
  if (!problems.length) return
  const box = document.createElement('div')
  box.className = 'govuk-error-summary'
  box.dataset.constraintSummary = ''
  box.tabIndex = -1
  const alert = document.createElement('div')
  alert.setAttribute('role', 'alert')
  const title = document.createElement('h2')
  title.className = 'govuk-error-summary__title'
  title.textContent = 'There is a problem'
  const list = document.createElement('ul')
  list.className = 'govuk-list govuk-error-summary__list'
  for (const { input, message } of problems) {
    const link = document.createElement('a')
    link.href = `#${input.id}`
    link.textContent = message
    const item = document.createElement('li')
    item.append(link)
    list.append(item)
  }
  const body = document.createElement('div')
  body.className = 'govuk-error-summary__body'
  body.append(list)
  alert.append(title, body)
  box.append(alert)
  form.parentNode.insertBefore(box, form)
  box.focus()
}

function check (form, event) {
  const values = answers(form)
  const problems = []
  for (const group of form.querySelectorAll('[data-constraint]')) {
    clear(group)
    if (group.closest('[hidden]')) continue
    const input = group.querySelector('input, textarea, select')
    if (!input || !input.name) continue
    const answer = values[input.name]
    const chosen = Array.isArray(answer) ? answer : [answer ?? '']
    if (chosen.every((value) => value.trim() === '')) continue
    if (chosen.some((value) => NOT_ANSWERED.includes(value))) continue
    const { rule, message } = JSON.parse(group.dataset.constraint)
    if (!evaluate(rule, values)) {
      show(group, input, message)
      problems.push({ input, message })
    }
  }
  summary(form, problems)
  if (problems.length) event.preventDefault()
}

const forms = new Set([...document.querySelectorAll('[data-constraint]')]
  .map((group) => group.closest('form')))
for (const form of forms) {
  if (form) form.addEventListener('submit', (event) => check(form, event))
}
