// Conditional reveals (GOV.UK's pattern) without aria-expanded on radio buttons, which axe
// reports as not allowed: a radio group marked data-leaver-reveal shows the block named by
// the chosen radio's data-reveals and hides the others. Without JavaScript every block shows
// (GOV.UK's CSS hides them only under .js-enabled) and the server keeps only the chosen
// answer's questions.
for (const group of document.querySelectorAll('[data-leaver-reveal]')) {
  const radios = group.querySelectorAll('input[type="radio"][data-reveals]')
  const sync = () => {
    for (const radio of radios) {
      const block = document.getElementById(radio.dataset.reveals)
      if (block) block.classList.toggle('govuk-radios__conditional--hidden', !radio.checked)
    }
  }
  for (const radio of radios) radio.addEventListener('change', sync)
  sync()
}
