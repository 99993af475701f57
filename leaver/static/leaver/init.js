// Initialise GOV.UK Frontend. Load with:
//   <script type="module" src="{% static 'leaver/init.js' %}"></script>
// Kept in a file (not inline) because the Content-Security-Policy forbids
// inline scripts. Replaces GOV.UK Frontend's usual inline <body> snippet.
// Relative import: resolves to <STATIC_URL>govuk/govuk-frontend.min.js.
import { initAll } from '../govuk/govuk-frontend.min.js'
import './keep-alive.js'
import './conditions.js'
import './constraints.js'
import './reveal.js'

// A browser running this module supports ES modules, i.e. it is a browser
// GOV.UK Frontend supports; initAll() checks for this class before it runs.
document.body.classList.add('js-enabled', 'govuk-frontend-supported')

initAll()
