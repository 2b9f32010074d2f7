// French labels and number/date formats shared by the console's views.

const numberFormats = new Map();

function numberFormat(digits) {
  if (!numberFormats.has(digits)) {
    numberFormats.set(digits, new Intl.NumberFormat('fr-FR', {
      minimumFractionDigits: digits, maximumFractionDigits: digits,
    }));
  }
  return numberFormats.get(digits);
}

export const DASH = '—';

export function formatNumber(value, digits = 0) {
  return typeof value === 'number' && Number.isFinite(value)
    ? numberFormat(digits).format(value) : DASH;
}

// NPS reads as a signed score: "+12", "−5" (a true minus sign), "0".
export function formatSigned(value, digits = 0) {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return DASH;
  }
  const text = numberFormat(digits).format(Math.abs(value));
  const rounded = Number(value.toFixed(digits));
  return rounded > 0 ? `+${text}` : rounded < 0 ? `−${text}` : text;
}

export function formatPercent(part, whole) {
  return whole > 0 ? `${formatNumber((100 * part) / whole)} %` : DASH;
}

const timeOfDay = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit' });
const dayAndTime = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit',
});
const fullDate = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'full', timeStyle: 'medium' });
const shortDay = new Intl.DateTimeFormat('fr-FR', {
  day: 'numeric', month: 'short', timeZone: 'UTC',
});

// "14:03" today, "20 nov. 14:03" another day.
export function formatWhen(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) {
    return DASH;
  }
  const sameDay = date.toDateString() === new Date().toDateString();
  return (sameDay ? timeOfDay : dayAndTime).format(date);
}

export function formatFullDate(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : fullDate.format(date);
}

// A `group_by=day` key ("2026-11-20", a UTC day) → "20 nov.".
export function formatDayKey(key) {
  const date = new Date(`${key}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? key : shortDay.format(date);
}

const SEVERITIES = { critical: 'Critique', high: 'Élevée', medium: 'Moyenne', low: 'Faible' };
const STATUSES = { open: 'Ouverte', acknowledged: 'Prise en charge', resolved: 'Résolue' };
const REASONS = {
  score_detractor: 'NPS détracteur',
  csat_dissatisfied: 'CSAT insatisfait',
  high_effort: 'Effort élevé',
  negative_verbatim: 'Verbatim négatif',
  hidden_detractor: 'Détracteur caché',
  score_text_mismatch: 'Score et texte discordants',
  public: 'Message public',
  churn_risk: 'Risque de départ',
  legal_threat: 'Menace juridique',
  abuse: 'Propos injurieux',
  escalation_request: 'Demande d’escalade',
  repeat_contact: 'Contact répété',
};
const TOPICS = {
  wait_time: 'Attente',
  agent_attitude: 'Attitude du conseiller',
  agent_competence: 'Compétence du conseiller',
  billing: 'Facturation',
  price: 'Prix',
  delivery: 'Livraison',
  refund: 'Remboursement',
  product_quality: 'Qualité du produit',
  technical_issue: 'Problème technique',
  unresolved: 'Non résolu',
  communication: 'Communication',
  website_app: 'Site ou appli',
  network: 'Réseau',
  claims: 'Réclamation',
  cancellation: 'Résiliation',
};
const CHANNELS = {
  voice: 'Téléphone', chat: 'Chat', email: 'E-mail', social: 'Réseaux sociaux', sms: 'SMS',
  store: 'Magasin', other: 'Autre',
};
const PLATFORMS = {
  facebook: 'Facebook', instagram: 'Instagram', messenger: 'Messenger', chat: 'Chat',
  email: 'E-mail', review: 'Avis', other: 'Autre',
};

// Unknown codes (a newer server) are shown as they are rather than hidden.
const label = (table) => (code) => (Object.hasOwn(table, code) ? table[code] : String(code));

export const severityLabel = label(SEVERITIES);
export const statusLabel = label(STATUSES);
export const reasonLabel = label(REASONS);
export const topicLabel = label(TOPICS);
export const channelLabel = label(CHANNELS);
export const platformLabel = label(PLATFORMS);
