#!/usr/bin/env python3
"""Writes tests/data/pii/pii_set.jsonl: synthetic French contact-center verbatims with planted
personal data, and PII-free ones full of numbers that must survive (dates, prices, scores...).

Every sentence is written here for this set (no dataset, no evaluation text). Numbers come from
tools/redact/pii_numbers.py. The output is deterministic: run it again, get the same bytes.

Each line: {"id": n, "text": "...", "pii": [{"start": b, "end": e, "kind": k, "token": t}]}
with start/end in UTF-8 bytes of text, kind in email, telephone, iban, card, nir, number, and
token what a perfect redactor writes there. Usage: make_pii_set.py [output]"""

import json
import pathlib
import random
import re
import sys

import pii_numbers as gen

SEED = 20261122
PII_VERBATIMS = 1000
CLEAN_VERBATIMS = 320

# --- templates: {slot} is planted PII, {f:name} a harmless filler --------------------------

PII_TEMPLATES = {
    "phone": [
        "Personne ne m'a rappelé alors que j'ai laissé mon numéro {f:count} : {phone}. C'est inadmissible.",
        "Merci de me rappeler au {phone} entre {f:hour} et {f:hour2}, je ne suis pas joignable l'après-midi.",
        "Conseiller très aimable. Si besoin vous pouvez me joindre au {phone}.",
        "J'ai changé de numéro, le nouveau c'est le {phone}, pensez à mettre à jour mon dossier svp",
        "tjrs pas de réponse!!! rappelez moi {phone}",
        "Le technicien devait m'appeler sur le {phone} avant de passer le {f:date}, il ne l'a jamais fait.",
        "Mon portable : {phone} (laissez un message si je ne décroche pas)",
        "Je vous ai donné le {phone} comme numéro de contact mais vous appelez toujours l'ancien.",
        "Service client injoignable. Mon fils a essayé depuis le {phone} pendant {f:duration}.",
        "Appelez-moi vite au {phone}, ma ligne est coupée depuis le {f:date} et je télétravaille.",
        "Vous pouvez joindre mon mari au {phone}, c'est lui qui gère le contrat.",
        "Numéro de rappel: {phone}. Merci d'avance",
        "On m'a promis un rappel sous 48h au {phone}, j'attends toujours depuis {f:duration}...",
        "Livreur injoignable, il avait pourtant mon numéro ({phone}) sur le bon de commande {f:order}.",
        "Note {f:score} parce que la conseillère m'a rappelée d'elle-même sur le {phone}. Top !",
        "{phone} : c'est mon numéro, notez-le enfin dans le dossier {f:order}.",
        "tel:{phone} (joignable après {f:hour2}, {f:count} que je le précise)",
        "Rappel demandé au \"{phone}\" le {f:date} à {f:hour}, rien.",
    ],
    "phone_foreign": [
        "Je vis à l'étranger, merci de m'appeler sur mon numéro {phone_foreign} et pas sur l'ancien.",
        "En déplacement, joignable uniquement au {phone_foreign} jusqu'au {f:date}.",
        "Mon numéro étranger {phone_foreign} n'est pas accepté par votre formulaire, c'est ridicule.",
    ],
    "email": [
        "Je n'ai jamais reçu la facture sur mon adresse {email}, pouvez-vous la renvoyer ?",
        "Envoyez le devis à {email} svp",
        "Mon adresse mail a changé : {email}. L'ancienne n'existe plus.",
        "Vous m'avez écrit sur {email} alors que je vous ai demandé {f:count} de ne plus utiliser cette adresse",
        "contact : {email} / merci de me répondre par écrit",
        "J'attends toujours le mail de confirmation sur {email}, rien dans les spams non plus.",
        "Le lien de réinitialisation envoyé à {email} ne marche pas, {f:count} que j'essaie.",
        "Merci d'envoyer l'attestation à ma comptable ({email}) avant le {f:date}.",
        "Compte bloqué, identifiant {email}, mot de passe refusé alors qu'il est bon.",
        "{email} → c'est la bonne adresse, l'autre date de {f:year}.",
        "Pourquoi m'écrire à <{email}> si vous ne lisez pas les réponses ?",
    ],
    "iban": [
        "Remboursement toujours pas reçu. Je vous redonne mon IBAN : {iban}",
        "Merci de prélever sur mon nouveau compte, IBAN {iban}, et plus sur l'ancien.",
        "Vous avez prélevé deux fois {f:price} sur le compte {iban} !!",
        "Voici mes coordonnées bancaires pour le virement : {iban} (Crédit Agricole).",
        "Le conseiller m'a demandé mon RIB, le voici : {iban}. Bonne journée",
        "Erreur de prélèvement sur {iban}, je veux être remboursé sous {f:days}.",
        "IBAN: {iban} — merci de corriger le mandat SEPA, c'est la {f:ordinal} fois que je le demande.",
    ],
    "card": [
        "On m'a débité deux fois {f:price} sur ma carte {card}, je veux un remboursement.",
        "Le paiement avec la carte {card} est refusé alors que j'ai de l'argent sur le compte",
        "Ma carte {card} expire le 09/26, comment la mettre à jour dans l'appli ?",
        "J'ai fait opposition sur la carte {card} mais le prélèvement est passé quand même.",
        "Paiement en 3 fois refusé avec la carte n° {card}, je ne comprends pas",
        "Votre site a enregistré ma CB {card} sans mon accord !!!",
        "CB:{card} exp 11/27, débitée de {f:price} le {f:date} sans commande.",
    ],
    "nir": [
        "Pour la mutuelle, mon numéro de sécurité sociale est le {nir}.",
        "Numéro de sécu : {nir}, ma carte vitale n'est toujours pas mise à jour",
        "Vous m'avez demandé mon n° de sécu {f:count}, le voici encore : {nir}",
        "Le remboursement de la consultation du {f:date} n'est pas arrivé (n° SS {nir}).",
        "Attestation demandée pour mon fils, NIR {nir}, toujours rien reçu.",
    ],
    "number": [
        "Mon numéro client est le {number}, ça fait {f:duration} que j'attends.",
        "Colis n° {number} bloqué au dépôt depuis {f:days}",
        "Contrat {number} : résiliation demandée le {f:date}, toujours facturé.",
        "Référence du dossier {number}, merci de le traiter en priorité",
        "Je vous donne mon numéro d'adhérent {number} pour que vous retrouviez mon dossier.",
        "Suivi {number} : le colis fait des allers-retours entre {f:postal_city} et Paris.",
        "N°{number} (commande du {f:date}, {f:price}) toujours pas expédiée.",
    ],
    "multi": [
        "Vous pouvez me joindre au {phone} ou par mail à {email}.",
        "Nouveau RIB {iban} et nouveau numéro {phone}, merci de mettre à jour.",
        "Client {number}, mon mail {email}, j'attends votre retour depuis le {f:date}.",
        "Sécu {nir} — tél {phone}",
        "Remboursez-moi sur {iban} et pas sur la carte {card} qui est résiliée.",
        "Mail : {email} ; portable : {phone} ; appelez avant {f:hour}.",
    ],
}

# Slots a template names → (generator, kind, token). "_bad" variants fail their checksum.
SLOTS = {
    "phone": (gen.french_phone, "telephone", "[TELEPHONE]"),
    "phone_foreign": (gen.foreign_phone, "telephone", "[TELEPHONE]"),
    "email": (gen.email, "email", "[EMAIL]"),
    "iban": (lambda rng: gen.iban(rng, True), "iban", "[IBAN]"),
    "iban_bad": (lambda rng: gen.iban(rng, False), "iban", "[NUMERO]"),
    "card": (lambda rng: gen.card(rng, True), "card", "[CARTE]"),
    "card_bad": (lambda rng: gen.card(rng, False), "card", "[NUMERO]"),
    "nir": (lambda rng: gen.nir(rng, True), "nir", "[NIR]"),
    "nir_bad": (lambda rng: gen.nir(rng, False), "nir", "[NUMERO]"),
    "number": (gen.long_number, "number", "[NUMERO]"),
}
BROKEN_SHARE = 0.2  # of IBANs, cards and NIRs planted with a failing checksum

CLEAN_TEMPLATES = [
    "Commande n° {f:order} livrée le {f:date} au lieu du {f:date}, note {f:score}.",
    "J'ai payé {f:price} pour rien, remboursement attendu depuis {f:days}.",
    "Attente de {f:minutes} au téléphone, {f:count} de suite. Lamentable.",
    "Le technicien est venu le {f:date} à {f:hour} au lieu de {f:hour2}.",
    "Forfait {f:data} à {f:price}/mois, mais la facture de mars affiche {f:price}.",
    "Ticket {f:ticket} ouvert le {f:date}, toujours pas de réponse.",
    "Livraison prévue le {f:datetime}, personne n'est venu.",
    "Note : {f:score}. Bon accueil mais {f:duration} d'attente.",
    "J'habite au {f:street} rue des Lilas, {f:postal_city}, et le livreur ne trouve jamais.",
    "J'ai appelé le {f:short_service} {f:count}, toujours {f:minutes} d'attente.",
    "Code promo NOEL{f:year} refusé, j'ai payé {f:price} au lieu de {f:price}.",
    "Version {f:version} de l'appli : ça plante toujours au paiement.",
    "Client depuis {f:year}, je paie {f:price} tous les mois et voilà comment on me traite.",
    "Facture de {f:price} pour {f:months}, c'est du vol !",
    "Rendez-vous du {f:datetime} annulé sans prévenir.",
    "De {f:hour} à {f:hour2} personne au standard, j'ai raccroché au bout de {f:minutes}.",
    "J'ai reçu 2 colis sur 3, commandes {f:order} et {f:order}.",
    "Coupure le {f:datetime}, puis encore le {f:datetime}. Ça devient pénible.",
    "Très bon accueil, problème réglé en {f:minutes}, je mets {f:score} !",
    "{f:percent} de remise promis au téléphone, rien sur la facture du {f:date}.",
    "Box redémarrée {f:count}, débit à {f:speed} au lieu de 1 Gb/s.",
    "Commande {f:order} du {f:date} : article manquant, {f:price} de frais de port en plus.",
    "Le conseiller m'a dit 24h/24 et 7j/7, en fait c'est de {f:hour} à {f:hour2} en semaine.",
    "Au {f:ordinal} appel on m'a enfin répondu. Merci à Julie, {f:score}.",
    "Mon forfait est passé de {f:price} à {f:price} sans prévenir le {f:date} !",
    "Colis de {f:weight} livré cassé, {f:count} que je le signale.",
    "Prélèvement de {f:price} le {f:date} et de {f:price} le {f:date}, pourquoi deux fois ?",
    "Contrat signé le {f:date_iso}, résilié le {f:date_iso}, encore facturé.",
    "Promo à {f:price} au lieu de {f:price} : en caisse ce n'était pas le bon prix.",
    "Bonne expérience globale, livraison en {f:days}, emballage soigné.",
]

INTROS = ["", "", "", "Bonjour, ", "Bonjour. ", "Franchement, ", "Bonsoir, ", "Re-bonjour, ",
          "Madame, Monsieur, ", "Salut, ", "Encore moi. "]
OUTROS = ["", "", "", " Merci.", " Cordialement.", " Bonne journée.", " Merci d'avance !",
          " Je suis très déçu.", " Service au top sinon 👍", " 😡😡", " Sinon je résilie."]

MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
          "septembre", "octobre", "novembre", "décembre"]
CITIES = ["Lyon", "Marseille", "Toulouse", "Lille", "Nantes", "Rennes", "Bordeaux", "Nice",
          "Strasbourg", "Montpellier", "Ajaccio", "Bastia"]


def d2(n):
    return "%02d" % n


def date(rng):
    d, m, y = rng.randrange(1, 29), rng.randrange(1, 13), rng.randrange(2019, 2027)
    return rng.choice([
        "%s/%s/%d" % (d2(d), d2(m), y), "%s/%s" % (d2(d), d2(m)), "%d %s" % (d, MONTHS[m - 1]),
        "%s.%s.%d" % (d2(d), d2(m), y), "%d-%s-%s" % (y, d2(m), d2(d)),
        "%s-%s-%d" % (d2(d), d2(m), y), "%d %s %d" % (d, MONTHS[m - 1], y)])


def datetime(rng):
    d, m, y = rng.randrange(1, 29), rng.randrange(1, 13), rng.randrange(2019, 2027)
    h, mi = rng.randrange(7, 21), rng.choice([0, 15, 30, 45])
    return rng.choice([
        "%s.%s.%d %s:%s" % (d2(d), d2(m), y, d2(h), d2(mi)),
        "%s/%s/%d à %dh%s" % (d2(d), d2(m), y, h, d2(mi)),
        "%s.%s.%d %s.%s" % (d2(d), d2(m), y, d2(h), d2(mi)),
        "%d-%s-%s %s:%s" % (y, d2(m), d2(d), d2(h), d2(mi)),
        "%s %s %d %s %s" % (d2(d), d2(m), y, d2(h), d2(mi)),
        "%s-%s-%d %sh%s" % (d2(d), d2(m), y, d2(h), d2(mi))])


def price(rng):
    euros = rng.choice([rng.randrange(1, 100), rng.randrange(100, 3000)])
    cents = rng.randrange(0, 100)
    text = "{:,}".format(euros).replace(",", rng.choice([" ", "\u202f", ""]))
    return rng.choice(["%s,%s €" % (text, d2(cents)), "%s €" % text,
                       "%s,%s€" % (text, d2(cents)), "%s euros" % text,
                       "%s.%s €" % (euros, d2(cents))])


def r(rng, low, high):
    return rng.randrange(low, high)


FILLERS = {
    "date": date,
    "date_iso": lambda rng: "%d-%s-%s" % (r(rng, 2019, 2027), d2(r(rng, 1, 13)), d2(r(rng, 1, 29))),
    "datetime": datetime,
    "price": price,
    "score": lambda rng: rng.choice(
        ["%d/10" % r(rng, 0, 11), "%d/5" % r(rng, 0, 6), "%d/20" % r(rng, 0, 21)]),
    "count": lambda rng: rng.choice(["%d fois" % r(rng, 2, 12), "deux fois", "trois fois"]),
    "duration": lambda rng: rng.choice(["%d heures" % r(rng, 2, 6), "%d semaines" % r(rng, 2, 9),
                                        "%d jours" % r(rng, 2, 30), "%d mois" % r(rng, 2, 13)]),
    "days": lambda rng: "%d jours" % r(rng, 2, 60),
    "months": lambda rng: "%d mois" % r(rng, 2, 24),
    "minutes": lambda rng: rng.choice(["%d minutes" % r(rng, 5, 120), "%d min" % r(rng, 5, 90)]),
    "hour": lambda rng: rng.choice(["%dh" % r(rng, 8, 12), "%dh30" % r(rng, 8, 12),
                                    "%s:%s" % (d2(r(rng, 8, 12)), rng.choice(["00", "15", "30"]))]),
    "hour2": lambda rng: rng.choice(["%dh" % r(rng, 14, 19), "%dh30" % r(rng, 14, 19)]),
    "order": lambda rng: str(r(rng, 100000, 1000000)),
    "ticket": lambda rng: str(r(rng, 10000000, 100000000)),
    "postal_city": lambda rng: "%05d %s" % (r(rng, 1000, 96000), rng.choice(CITIES)),
    "street": lambda rng: str(r(rng, 1, 180)),
    "short_service": lambda rng: rng.choice(["3900", "3949", "1023", "3000", "39 00"]),
    "year": lambda rng: str(r(rng, 2005, 2027)),
    "version": lambda rng: "%d.%d.%d" % (r(rng, 1, 20), r(rng, 0, 10), r(rng, 0, 30)),
    "data": lambda rng: rng.choice(["20 Go", "100 Go", "5 Go", "200 Go", "1 To"]),
    "percent": lambda rng: "%d %%" % r(rng, 5, 60),
    "speed": lambda rng: "%d Mb/s" % r(rng, 2, 300),
    "ordinal": lambda rng: rng.choice(["2e", "3e", "4e", "10e", "1re", "5ème"]),
    "weight": lambda rng: rng.choice(
        ["%d kg" % r(rng, 1, 40), "%d,%d kg" % (r(rng, 1, 10), r(rng, 1, 10))]),
}

SLOT = re.compile(r"\{(f:)?(\w+)\}")


def pick_slot(rng, name):
    if name in ("iban", "card", "nir") and rng.random() < BROKEN_SHARE:
        return name + "_bad"
    return name


def fill(rng, template):
    """The verbatim and its planted spans, in UTF-8 bytes."""
    text, spans, cursor = bytearray(), [], 0
    for m in SLOT.finditer(template):
        text += template[cursor:m.start()].encode()
        cursor = m.end()
        if m.group(1):
            text += FILLERS[m.group(2)](rng).encode()
            continue
        generate, kind, token = SLOTS[pick_slot(rng, m.group(2))]
        value = generate(rng).encode()
        end = len(text) + len(value)
        spans.append({"start": len(text), "end": end, "kind": kind, "token": token})
        text += value
    text += template[cursor:].encode()
    return text, spans


def after_intro(intro, template):
    """"Bonjour, le paiement…" rather than "Bonjour, Le paiement…" (acronyms keep capitals)."""
    first_word = template.split()[0]
    if intro.endswith(", ") and not (len(first_word) > 1 and first_word.isupper()):
        return template[0].lower() + template[1:]
    return template


def verbatim(rng, template):
    intro_text = rng.choice(INTROS)
    template = after_intro(intro_text, template)
    intro, outro = intro_text.encode(), rng.choice(OUTROS).encode()
    body, spans = fill(rng, template)
    for span in spans:
        span["start"] += len(intro)
        span["end"] += len(intro)
    return (intro + body + outro).decode(), spans


def main():
    out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else \
        pathlib.Path(__file__).resolve().parents[2] / "tests/data/pii/pii_set.jsonl"
    rng = random.Random(SEED)
    kinds = sorted(PII_TEMPLATES)
    rows = []
    for i in range(PII_VERBATIMS):
        rows.append(verbatim(rng, rng.choice(PII_TEMPLATES[kinds[i % len(kinds)]])))
    for _ in range(CLEAN_VERBATIMS):
        rows.append(verbatim(rng, rng.choice(CLEAN_TEMPLATES)))
    rng.shuffle(rows)
    with open(out, "w", encoding="utf-8") as f:
        for n, (text, spans) in enumerate(rows, 1):
            f.write(json.dumps({"id": n, "text": text, "pii": spans}, ensure_ascii=False) + "\n")
    planted = sum(len(spans) for _, spans in rows)
    print("%s: %d verbatims, %d planted PII" % (out, len(rows), planted))


if __name__ == "__main__":
    main()
