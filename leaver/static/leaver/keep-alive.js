// While the user types in a form, tell the server they are still active (at most once a
// minute), so the idle sign-out does not lose a long form. An abandoned page sends nothing
// and still times out. Needs the CSRF token the form already carries.
const form = document.querySelector('form[data-keep-alive]')
if (form) {
  const url = form.dataset.keepAlive
  const token = form.querySelector('input[name=csrfmiddlewaretoken]')
  let typedSince = false
  form.addEventListener('input', () => { typedSince = true })
  form.addEventListener('change', () => { typedSince = true })
  setInterval(() => {
    if (!typedSince || !token) return
    typedSince = false
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'X-CSRFToken': token.value }
    }).catch(() => {})
  }, 60 * 1000)
}
