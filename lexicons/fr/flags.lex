# flags.lex — words and expressions that raise a flag: churn_risk, legal_threat,
# escalation_request, repeat_contact (abuse lives in abuse.lex).
# Written by the sentinelle team from its own knowledge of French; no external source.
#
# A negated flag word raises nothing (`je ne vais pas résilier`). Expressions that contain a
# negator themselves (`plus jamais`, `ne suis plus client`) are never negated again.
# `re:` patterns are written in the normalized form: lowercase ASCII, no accents, elisions
# expanded (`j'ai` -> `je ai`, `d'` -> `de`, `n'` -> `ne`, `l'` -> `le`), hyphens split.

# =========================================================================================
# churn_risk — the customer says he is leaving, or about to
# =========================================================================================
résilier            | -3   | flag=churn_risk topic=cancellation
résilie             | -3   | flag=churn_risk topic=cancellation
résilies            | -3   | flag=churn_risk topic=cancellation
résiliez            | -2.5 | flag=churn_risk topic=cancellation
résilions           | -3   | flag=churn_risk topic=cancellation
résiliée            | -3   | flag=churn_risk topic=cancellation
résiliées           | -3   | flag=churn_risk topic=cancellation
résilierai          | -3   | flag=churn_risk topic=cancellation
résilierais         | -3   | flag=churn_risk topic=cancellation
résiliera           | -3   | flag=churn_risk topic=cancellation
résilierons         | -3   | flag=churn_risk topic=cancellation
résilieront         | -3   | flag=churn_risk topic=cancellation
résilierez          | -2.5 | flag=churn_risk topic=cancellation
résiliant           | -2.5 | flag=churn_risk topic=cancellation
résiliation         | -2.5 | flag=churn_risk topic=cancellation
résiliations        | -2.5 | flag=churn_risk topic=cancellation
frais de résiliation | -2  | flag=churn_risk topic=cancellation topic=billing
lettre de résiliation | -3 | flag=churn_risk topic=cancellation
demande de résiliation | -3 | flag=churn_risk topic=cancellation
désabonner          | -2.5 | flag=churn_risk topic=cancellation
désabonne           | -2.5 | flag=churn_risk topic=cancellation
désabonnée          | -2.5 | flag=churn_risk topic=cancellation
désabonnement       | -2.5 | flag=churn_risk topic=cancellation
portabilité         | -2   | flag=churn_risk topic=cancellation
code rio            | -2   | flag=churn_risk topic=cancellation
mobilité bancaire   | -2.5 | flag=churn_risk topic=cancellation
mutation bancaire   | -2.5 | flag=churn_risk topic=cancellation
rupture de contrat  | -2.5 | flag=churn_risk topic=cancellation
rompre le contrat   | -2.5 | flag=churn_risk topic=cancellation
rompre mon contrat  | -2.5 | flag=churn_risk topic=cancellation
fin de mon engagement | -1.5 | flag=churn_risk topic=cancellation
fin d'engagement    | -1.5 | flag=churn_risk topic=cancellation
re:(mettre|mets|met|mettrai|mettrais|mettons|mettez|mis) (fin|un terme) (a|au|aux)( (mon|ma|mes|notre|nos|ce|cet|cette|votre|vos|le|la|les))? (contrat|abonnement|compte|forfait|relation|collaboration|engagement|partenariat)s? | -3 | flag=churn_risk topic=cancellation
re:(clotur|ferm)(er|e|es|ee|erai|erais|ons|ez|ure|eture) (de )?(mon|mes|notre|nos|le|les|ce|ces|tous mes) (compte|comptes|contrat|contrats|livret|livrets|abonnement|ligne) | -3 | flag=churn_risk topic=cancellation
re:chang(e|es|er|erai|erais|era|erons|erez|eons|eront|ement|ee|ez|eant) (de|des) (operateur|operateurs|banque|banques|assureur|assureurs|assurance|assurances|fournisseur|fournisseurs|mutuelle|compagnie|prestataire|enseigne|cremerie|fai|box) | -3 | flag=churn_risk topic=cancellation
re:(pars|partir|partirai|partirais|partira|partons|partirons|partiront|parti|partie|partis|parties|partirez) (ailleurs|a la concurrence|chez la concurrence|chez un concurrent|chez (free|sfr|orange|bouygues|bouygues telecom|sosh|red|b and you|la poste mobile|prixtel|coriolis|nrj mobile|boursorama|boursobank|fortuneo|hello bank|monabanq|revolut|n26|ing|lcl|bnp|la banque postale|credit agricole|credit mutuel|caisse de epargne|banque populaire|societe generale|cic|shine|qonto|maif|macif|matmut|axa|allianz|groupama|gmf|direct assurance|leocare|lovys|edf|engie|totalenergies|total|ekwateur|octopus|mint|amazon|cdiscount|fnac|darty|boulanger)) | -3 | flag=churn_risk topic=cancellation
re:(passe|passer|passerai|passerais|passons|passee) (a|chez) la concurrence | -3 | flag=churn_risk topic=cancellation
re:(aller|vais|irai|irais|allons|va) (voir )?(ailleurs|a la concurrence|chez la concurrence|chez un concurrent|chez vos concurrents|chez le concurrent) | -3 | flag=churn_risk topic=cancellation
voir ailleurs       | -2.5 | flag=churn_risk topic=cancellation
à la concurrence    | -3   | flag=churn_risk topic=cancellation
chez la concurrence | -2   | flag=churn_risk
chez un concurrent  | -2.5 | flag=churn_risk
chez vos concurrents | -2.5 | flag=churn_risk
chez le concurrent  | -2.5 | flag=churn_risk
mon argent ailleurs | -2.5 | flag=churn_risk
vais vous quitter   | -3   | flag=churn_risk topic=cancellation
veux vous quitter   | -3   | flag=churn_risk topic=cancellation
de vous quitter pour | -3  | flag=churn_risk topic=cancellation
décidé de vous quitter | -3 | flag=churn_risk topic=cancellation
vous quitte         | -2.5 | flag=churn_risk topic=cancellation
vous quitterai      | -3   | flag=churn_risk topic=cancellation
vous quitterons     | -3   | flag=churn_risk topic=cancellation
vous ai quitté      | -3   | flag=churn_risk topic=cancellation
vous avons quitté   | -3   | flag=churn_risk topic=cancellation
re:quitt(e|er|erai|erais|ons|ez) (votre|cette|ma|la) (banque|assurance|mutuelle|compagnie|enseigne|operateur|agence) | -3 | flag=churn_risk topic=cancellation
plus jamais         | -3   | flag=churn_risk
jamais plus         | -3   | flag=churn_risk
plus jamais ça      | -3   | flag=churn_risk
c'est la dernière fois | -3 | flag=churn_risk
c'était la dernière fois | -3 | flag=churn_risk
dernière fois que je commande | -3 | flag=churn_risk
ma dernière commande | -2.5 | flag=churn_risk
la dernière fois que je commande | -3 | flag=churn_risk
re:ne (reviendrai|reviendrons|reviendra|reviendrais|retournerai|retournerons|commanderai|commanderons|acheterai|acheterons|racheterai|racheterons|reprendrai|reprendrons|renouvellerai|renouvellerons|referai|ferai plus appel|ferai jamais appel) (plus|jamais|pas) | -3 | flag=churn_risk
re:ne (y|me|nous|me y|nous y) (reviendrai|reviendrons|retournerai|retournerons|reverrez|reverrai|reprendra|reprendrez|reprendra) (plus|jamais) | -3 | flag=churn_risk
re:(remettrai|remettrons|remets|remettre|mettrai|mettrons) (plus|jamais|pas) les pieds | -3 | flag=churn_risk
vous perdez un client | -3 | flag=churn_risk
vous perdez une cliente | -3 | flag=churn_risk
vous avez perdu un client | -3 | flag=churn_risk
vous avez perdu une cliente | -3 | flag=churn_risk
vous allez perdre un client | -3 | flag=churn_risk
vous allez perdre une cliente | -3 | flag=churn_risk
un client de perdu  | -3   | flag=churn_risk
une cliente de perdue | -3 | flag=churn_risk
des clients de perdus | -3 | flag=churn_risk
client perdu        | -2.5 | flag=churn_risk
cliente perdue      | -2.5 | flag=churn_risk
ne suis plus client | -3   | flag=churn_risk topic=cancellation
ne suis plus cliente | -3  | flag=churn_risk topic=cancellation
ne serai plus client | -3  | flag=churn_risk topic=cancellation
ne serai plus cliente | -3 | flag=churn_risk topic=cancellation
ne serai bientôt plus client | -3 | flag=churn_risk topic=cancellation
ne serai bientôt plus cliente | -3 | flag=churn_risk topic=cancellation
ne sommes plus clients | -3 | flag=churn_risk topic=cancellation
ne serons plus clients | -3 | flag=churn_risk topic=cancellation
ancien client       | -1.5 | flag=churn_risk
ancienne cliente    | -1.5 | flag=churn_risk
ex client           | -1.5 | flag=churn_risk
ex cliente          | -1.5 | flag=churn_risk
je m'en vais        | -1   | flag=churn_risk

# =========================================================================================
# legal_threat — complaint to the authorities, lawyers, courts, consumer associations
# =========================================================================================
plainte             | -2.5 | flag=legal_threat
plaintes            | -2.5 | flag=legal_threat
porter plainte      | -3   | flag=legal_threat
porterai plainte    | -3   | flag=legal_threat
porterons plainte   | -3   | flag=legal_threat
porte plainte       | -3   | flag=legal_threat
déposer plainte     | -3   | flag=legal_threat
déposé plainte      | -3   | flag=legal_threat
déposer une plainte | -3   | flag=legal_threat
dépôt de plainte    | -3   | flag=legal_threat
re:(mon|ma|mes|notre|nos|un|une|des|votre|son|sa|leur|cabinet de|cabinet d|prendre un|consulter un) avocat(e|s|es)? | -3 | flag=legal_threat
avocats             | -3   | flag=legal_threat
tribunal            | -3   | flag=legal_threat
tribunaux           | -3   | flag=legal_threat
un juge             | -2.5 | flag=legal_threat
le juge             | -2.5 | flag=legal_threat
au juge             | -2.5 | flag=legal_threat
justice             | -3   | flag=legal_threat
judiciaire          | -3   | flag=legal_threat
judiciaires         | -3   | flag=legal_threat
poursuites          | -3   | flag=legal_threat
poursuivre en justice | -3 | flag=legal_threat
procès              | -3   | flag=legal_threat
juridiction         | -3   | flag=legal_threat
assignation         | -3   | flag=legal_threat
huissier            | -3   | flag=legal_threat
huissiers           | -3   | flag=legal_threat
commissaire de justice | -3 | flag=legal_threat
en demeure          | -3   | flag=legal_threat
un recours          | -2   | flag=legal_threat
mes recours         | -2   | flag=legal_threat
nos recours         | -2   | flag=legal_threat
tous les recours    | -2.5 | flag=legal_threat
voies de recours    | -2   | flag=legal_threat
recours collectif   | -3   | flag=legal_threat
action de groupe    | -3   | flag=legal_threat
class action        | -3   | flag=legal_threat
dommages et intérêts | -3  | flag=legal_threat
dommages intérêts   | -3   | flag=legal_threat
préjudice           | -2   | flag=legal_threat
préjudices          | -2   | flag=legal_threat
litige              | -2   | flag=legal_threat
litiges             | -2   | flag=legal_threat
contentieux         | -2   | flag=legal_threat
abus de confiance   | -3   | flag=legal_threat
code de la consommation | -2.5 | flag=legal_threat
code civil          | -2.5 | flag=legal_threat
code pénal          | -3   | flag=legal_threat
pénalement          | -3   | flag=legal_threat
illégal             | -2   | flag=legal_threat
illégale            | -2   | flag=legal_threat
illégaux            | -2   | flag=legal_threat
illégales           | -2   | flag=legal_threat
illégalement        | -2   | flag=legal_threat
re:article l ?\d+(\s?\d+)* | -2 | flag=legal_threat
ufc                 | -3   | flag=legal_threat
que choisir         | -3   | flag=legal_threat
ufc que choisir     | -3   | flag=legal_threat
60 millions de consommateurs | -3 | flag=legal_threat
soixante millions de consommateurs | -3 | flag=legal_threat
re:associations? de (defense des )?consommateurs? | -3 | flag=legal_threat
asso de consommateurs | -3 | flag=legal_threat
clcv                | -3   | flag=legal_threat
médiateur           | -2.5 | flag=legal_threat
médiateurs          | -2.5 | flag=legal_threat
médiatrice          | -2.5 | flag=legal_threat
médiation           | -2.5 | flag=legal_threat
conciliateur        | -2.5 | flag=legal_threat
conciliation        | -2   | flag=legal_threat
dgccrf              | -3   | flag=legal_threat
répression des fraudes | -3 | flag=legal_threat
signal conso        | -3   | flag=legal_threat
signalconso         | -3   | flag=legal_threat
arcep               | -3   | flag=legal_threat
acpr                | -3   | flag=legal_threat
cnil                | -3   | flag=legal_threat
défenseur des droits | -3  | flag=legal_threat
gendarmerie         | -2.5 | flag=legal_threat
commissariat        | -2.5 | flag=legal_threat
lettre recommandée  | -2   | flag=legal_threat
courrier recommandé | -2   | flag=legal_threat
recommandé avec accusé de réception | -2 | flag=legal_threat
recommandé avec ar  | -2   | flag=legal_threat
lrar                | -2.5 | flag=legal_threat

# =========================================================================================
# escalation_request — the customer asks for someone higher up, or files a formal complaint
# =========================================================================================
responsable         | -1   | flag=escalation_request
responsables        | -1   | flag=escalation_request
re:(parler|voir|joindre|contacter|avoir|passer|appeler|rencontrer|ecrire|exige|exiger|demande|demander|veux|voudrais|souhaite) (a |avec )?(un|une|le|la|au|votre|vos|les|des) (responsable|responsables|superieur|superieure|superieurs|manager|managers|directeur|directrice|direction|hierarchie|gerant|gerante) | -2 | flag=escalation_request
votre supérieur     | -1.5 | flag=escalation_request
votre supérieure    | -1.5 | flag=escalation_request
son supérieur       | -1.5 | flag=escalation_request
sa supérieure       | -1.5 | flag=escalation_request
un supérieur        | -1.5 | flag=escalation_request
supérieur hiérarchique | -1.5 | flag=escalation_request
hiérarchie          | -1.5 | flag=escalation_request
votre direction     | -1.5 | flag=escalation_request
direction générale  | -2   | flag=escalation_request
directeur d'agence  | -1.5 | flag=escalation_request
directrice d'agence | -1.5 | flag=escalation_request
service réclamation | -2   | flag=escalation_request
service réclamations | -2  | flag=escalation_request
service des réclamations | -2 | flag=escalation_request
service qualité     | -1.5 | flag=escalation_request
siège social        | -1.5 | flag=escalation_request
pdg                 | -1.5 | flag=escalation_request
réclamation         | -1.5 | flag=escalation_request
réclamations        | -1.5 | flag=escalation_request
réclamer            | -1   | flag=escalation_request
réclame             | -1   | flag=escalation_request
faire remonter      | -1.5 | flag=escalation_request
parler à quelqu'un  | -1.5 | flag=escalation_request
parler à un humain  | -2   | flag=escalation_request
parler à une vraie personne | -2 | flag=escalation_request

# =========================================================================================
# repeat_contact — the customer has already called, written, complained before
# =========================================================================================
relance             | -1.5 | flag=repeat_contact
relances            | -1.5 | flag=repeat_contact
relancée            | -1.5 | flag=repeat_contact
relancées           | -1.5 | flag=repeat_contact
relancer            | -1.5 | flag=repeat_contact
relancez            | -1.5 | flag=repeat_contact
relançons           | -1.5 | flag=repeat_contact
relancerai          | -1.5 | flag=repeat_contact
nouvelle relance    | -2   | flag=repeat_contact
dernière relance    | -2.5 | flag=repeat_contact flag=escalation_request
re:(\d+ ?(e|eme|ieme|em)|deuxieme|seconde|troisieme|quatrieme|cinquieme|sixieme|septieme|huitieme|neuvieme|dixieme|douzieme|quinzieme|vingtieme|centieme|ennieme|nieme|n ieme|x ieme|xieme) (fois|appel|relance|reclamation|mail|email|courriel|courrier|lettre|message|demande|contact|tentative|plainte|rappel)s? | -2 | flag=repeat_contact
re:(appele|appelle|telephone|ecrit|relance|contacte|envoye|rappele|rappelle|signale|reclame|demande|explique|essaye|essaie|tente|passe|venu|venue|alle|allee|redemande) (\w+ ){0,2}(plusieurs|maintes|de nombreuses|des dizaines de|une dizaine de|des centaines de|deux|trois|quatre|cinq|six|dix|vingt|\d+) (fois|reprises) | -2 | flag=repeat_contact
re:(plusieurs|nombreux|nombreuses|multiples|innombrables|maints|\d+|trois|quatre|cinq|six|dix|vingt) (appels|mails|emails|courriels|relances|reclamations|courriers|messages|demandes|tentatives|coups de fil|coups de telephone|plaintes) | -2 | flag=repeat_contact
re:(ca|cela) fait (\d+|deux|trois|quatre|cinq|six|dix|plusieurs|combien de) (fois|appels|mails|relances|reclamations|courriers) | -2 | flag=repeat_contact
re:(ca|cela) fait (\d+|deux|trois|quatre|cinq|six|huit|dix|quinze|plusieurs|des) (jours|semaines|mois) | -1.5 | flag=repeat_contact topic=wait_time
re:depuis (des|plusieurs|\d+|deux|trois|quatre|cinq|six|huit|dix|quinze|bientot \d+|plus de \d+|pres de \d+|presque \d+) (jours|semaines|mois) | -1.5 | flag=repeat_contact topic=wait_time
re:deja (appele|appelle|telephone|ecrit|relance|contacte|signale|reclame|demande|explique|envoye|rappele|fait une reclamation|fait plusieurs reclamations|fait la demande|porte reclamation) | -1.5 | flag=repeat_contact
énième fois         | -2.5 | flag=repeat_contact
à plusieurs reprises | -1.5 | flag=repeat_contact
à maintes reprises  | -2   | flag=repeat_contact
à de nombreuses reprises | -2 | flag=repeat_contact
encore une fois     | -1   | flag=repeat_contact
une fois de plus    | -1.5 | flag=repeat_contact
une nouvelle fois   | -1.5 | flag=repeat_contact
encore et encore    | -2   | flag=repeat_contact
combien de fois     | -2   | flag=repeat_contact
toujours pas        | -2   | flag=repeat_contact topic=unresolved
toujours rien       | -2   | flag=repeat_contact topic=unresolved
toujours aucun      | -2   | flag=repeat_contact topic=unresolved
toujours aucune     | -2   | flag=repeat_contact topic=unresolved
toujours sans       | -2   | flag=repeat_contact topic=unresolved
toujours en attente | -2   | flag=repeat_contact topic=wait_time topic=unresolved
sans réponse        | -2   | flag=repeat_contact topic=communication
sans aucune réponse | -2.5 | flag=repeat_contact topic=communication
sans nouvelles      | -2   | flag=repeat_contact topic=communication
sans aucune nouvelle | -2.5 | flag=repeat_contact topic=communication
lettre morte        | -2   | flag=repeat_contact topic=communication
je réitère          | -1.5 | flag=repeat_contact
réitérer            | -1.5 | flag=repeat_contact
réitère ma demande  | -2   | flag=repeat_contact
renouvelle ma demande | -2 | flag=repeat_contact
je vous réécris     | -1.5 | flag=repeat_contact
je reviens vers vous | -1 | flag=repeat_contact
je vous recontacte  | -1.5 | flag=repeat_contact
je rappelle encore  | -2   | flag=repeat_contact
