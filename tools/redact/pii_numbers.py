"""Generators of personal numbers for the synthetic PII set: valid ones (checksums computed
here, written from the public rules) and deliberately broken ones, each in the layouts customers
type. Every function takes the caller's random.Random so that the set is reproducible."""

import string

NBSP = "\u00a0"


def luhn_check_digit(payload):
    """The digit that makes payload + digit pass Luhn."""
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch)
        if i % 2 == 0:  # doubled: these become the odd positions once the check digit is added
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return str((10 - total % 10) % 10)


def luhn_valid(digits):
    return luhn_check_digit(digits[:-1]) == digits[-1]


def iban_check_digits(country, bban):
    rearranged = bban + country + "00"
    number = int("".join(str(int(c, 36)) for c in rearranged))
    return "%02d" % (98 - number % 97)


def nir_key(body13):
    number = int(body13[:5] + body13[5:7].replace("2A", "19").replace("2B", "18") + body13[7:])
    return "%02d" % (97 - number % 97)


def digits(rng, n):
    return "".join(rng.choice(string.digits) for _ in range(n))


def alnum(rng, n):
    return "".join(rng.choice(string.digits + string.ascii_uppercase) for _ in range(n))


def break_one_digit(rng, text, start=0):
    """Changes one digit at or after `start`: a typo that checksums must catch."""
    positions = [i for i, c in enumerate(text) if c.isdigit() and i >= start]
    i = rng.choice(positions)
    replacement = rng.choice([d for d in string.digits if d != text[i]])
    return text[:i] + replacement + text[i + 1:]


# --- phones -------------------------------------------------------------------------------


def french_phone(rng):
    prefix = rng.choice(["06", "07", "06", "07", "01", "02", "03", "04", "05", "09"])
    national = prefix + digits(rng, 8)
    pairs = [national[i:i + 2] for i in range(0, 10, 2)]
    rest = national[1:]
    layout = rng.randrange(13)
    if layout == 11:  # separators mixed by a hurried thumb
        return pairs[0] + "." + pairs[1] + " " + pairs[2] + " " + pairs[3] + "-" + pairs[4]
    if layout == 12:
        return "+33 (0) " + rest[0] + " " + " ".join(rest[i:i + 2] for i in range(1, 9, 2))
    if layout == 0:
        return " ".join(pairs)
    if layout == 1:
        return ".".join(pairs)
    if layout == 2:
        return "-".join(pairs)
    if layout == 3:
        return national
    if layout == 4:
        return "+33 " + rest[0] + " " + " ".join(rest[i:i + 2] for i in range(1, 9, 2))
    if layout == 5:
        return "+33 (0)" + rest[0] + " " + " ".join(rest[i:i + 2] for i in range(1, 9, 2))
    if layout == 6:
        return "0033 " + rest[0] + " " + " ".join(rest[i:i + 2] for i in range(1, 9, 2))
    if layout == 7:
        return "+33" + rest
    if layout == 8:
        return NBSP.join(pairs)
    if layout == 9:
        return "+33." + rest[0] + "." + ".".join(rest[i:i + 2] for i in range(1, 9, 2))
    return " ".join(pairs)


def foreign_phone(rng):
    layout = rng.randrange(3)
    if layout == 0:  # Belgium, mobile
        return "+32 4%s %s %s %s" % (digits(rng, 2), digits(rng, 2), digits(rng, 2), digits(rng, 2))
    if layout == 1:  # Switzerland, mobile
        return "+41 7%s %s %s %s" % (rng.choice("5689"), digits(rng, 3), digits(rng, 2),
                                     digits(rng, 2))
    return "+44 7%s %s" % (digits(rng, 3), digits(rng, 6))  # United Kingdom


# --- IBANs --------------------------------------------------------------------------------


def french_bban(rng):
    """Bank (5), branch (5), account (11, sometimes with a letter) and RIB key (2). The RIB key
    is left random: the IBAN check digits do not depend on it."""
    if rng.random() < 0.8:
        account = digits(rng, 11)
    else:
        account = digits(rng, 7) + alnum(rng, 1) + digits(rng, 3)
    return digits(rng, 5) + digits(rng, 5) + account + digits(rng, 2)


BBAN_SHAPES = {  # country → generator of a BBAN of the right length and alphabet
    "DE": lambda rng: digits(rng, 18),
    "BE": lambda rng: digits(rng, 12),
    "ES": lambda rng: digits(rng, 20),
    "IT": lambda rng: rng.choice(string.ascii_uppercase) + digits(rng, 10) + alnum(rng, 12),
    "GB": lambda rng: rng.choice(["NWBK", "BARC", "LOYD", "HBUK"]) + digits(rng, 14),
    "NL": lambda rng: rng.choice(["ABNA", "INGB", "RABO"]) + digits(rng, 10),
    "LU": lambda rng: digits(rng, 3) + alnum(rng, 13),
    "PT": lambda rng: digits(rng, 21),
    "CH": lambda rng: digits(rng, 17),
}


def iban_compact(rng):
    country = "FR" if rng.random() < 0.6 else rng.choice(sorted(BBAN_SHAPES))
    bban = french_bban(rng) if country == "FR" else BBAN_SHAPES[country](rng)
    return country + iban_check_digits(country, bban) + bban


def iban_layout(rng, compact):
    layout = rng.randrange(6)
    groups = [compact[i:i + 4] for i in range(0, len(compact), 4)]
    if layout == 0 or layout == 1:
        return " ".join(groups)
    if layout == 2:
        return compact
    if layout == 3:
        return " ".join(groups).lower() if rng.random() < 0.5 else "-".join(groups)
    if layout == 4 and compact.startswith("FR"):  # copied from the RIB: 4, 5, 5, 11, 2
        b = compact[4:]
        return " ".join([compact[:4], b[:5], b[5:10], b[10:21], b[21:]])
    return NBSP.join(groups)


def iban(rng, valid=True):
    compact = iban_compact(rng)
    if not valid:
        compact = break_one_digit(rng, compact, start=4)
    return iban_layout(rng, compact)


# --- payment cards ------------------------------------------------------------------------


def card_digits(rng):
    brand = rng.randrange(3)
    if brand == 0:
        payload = "4" + digits(rng, 14)
    elif brand == 1:
        payload = "5" + rng.choice("12345") + digits(rng, 13)
    else:
        payload = "3" + rng.choice("47") + digits(rng, 12)
    return payload + luhn_check_digit(payload)


def card_layout(rng, number):
    layout = rng.randrange(4)
    if len(number) == 15:  # American Express prints 4-6-5
        parts = [number[:4], number[4:10], number[10:]]
    else:
        parts = [number[i:i + 4] for i in range(0, len(number), 4)]
    if layout == 0 or layout == 1:
        return " ".join(parts)
    if layout == 2:
        return "-".join(parts)
    return number


def card(rng, valid=True):
    number = card_digits(rng)
    if not valid:
        number = break_one_digit(rng, number)
    return card_layout(rng, number)


# --- NIR ----------------------------------------------------------------------------------


def nir_fields(rng):
    department = rng.choice(["%02d" % rng.randrange(1, 96), "2A", "2B", "99", "75", "13", "69"])
    return [rng.choice("12"), "%02d" % rng.randrange(0, 100), "%02d" % rng.randrange(1, 13),
            department, "%03d" % rng.randrange(1, 990), "%03d" % rng.randrange(1, 999)]


def nir(rng, valid=True):
    fields = nir_fields(rng)
    key = nir_key("".join(fields))
    if not valid:
        key = "%02d" % ((int(key) + rng.randrange(1, 96)) % 97 or 97)
    layout = rng.randrange(3)
    if layout == 0:
        return " ".join(fields + [key])
    if layout == 1:
        return "".join(fields + [key])
    return "".join(fields) + " " + key


# --- other numbers ------------------------------------------------------------------------


def long_number(rng):
    """A customer, contract or parcel number of 9 to 12 digits."""
    number = rng.choice("123456789") + digits(rng, rng.randrange(8, 12))
    layout = rng.randrange(3)
    if layout == 0:
        return number
    if layout == 1 and len(number) % 3 == 0:
        return " ".join(number[i:i + 3] for i in range(0, len(number), 3))
    return number


# --- email addresses ----------------------------------------------------------------------

FIRST = ["jean", "marie", "sophie", "karim", "nathalie", "thomas", "lea", "mohamed", "isabelle",
         "julien", "camille", "pierre", "fatou", "nicolas", "aurelie", "yannick", "chloe", "hugo",
         "celine", "mehdi", "sandrine", "kevin", "amandine", "josé", "hélène"]
LAST = ["martin", "bernard", "dubois", "thomas", "robert", "richard", "petit", "durand",
        "leroy", "moreau", "simon", "laurent", "lefebvre", "michel", "garcia", "david",
        "bertrand", "roux", "vincent", "fournier", "nguyen", "diallo", "benali", "lemaire"]
DOMAINS = ["mail.entreprise-martin.co.uk", "gmail.com", "orange.fr", "free.fr", "wanadoo.fr",
           "laposte.net", "hotmail.fr", "sfr.fr", "yahoo.fr", "outlook.fr", "icloud.com",
           "live.fr", "bbox.fr", "entreprise-durand.fr", "mairie-lyon.fr"]


def email(rng):
    first, last = rng.choice(FIRST), rng.choice(LAST)
    layout = rng.randrange(6)
    if layout == 0:
        local = first + "." + last
    elif layout == 1:
        local = first[0] + last + digits(rng, 2)
    elif layout == 2:
        local = first + "_" + last + str(rng.randrange(1950, 2010))
    elif layout == 3:
        local = last + "." + first + "+sav"
    elif layout == 4:
        local = first + "-" + last
    else:
        local = first + digits(rng, 3)
    address = local + "@" + rng.choice(DOMAINS)
    return address.upper() if rng.random() < 0.05 else address
