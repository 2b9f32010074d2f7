# polarity_service.lex — multi-word customer-service and domain phrases with polarity
# (customer service, delivery / e-commerce, billing and prices, banks, insurers, telecom,
# energy, transport, restaurants, TV series). Every entry has at least two words;
# single words live in another file. Written by the sentinelle team.
# Format: PATTERN | WEIGHT   (see lexicons/README.md)

# ---------------------------------------------------------------------------
# Service client — positive
# ---------------------------------------------------------------------------
service client réactif | +2
service client efficace | +2
service client disponible | +1.5
service client à l'écoute | +2
service client de qualité | +2
service après-vente efficace | +2
service après-vente réactif | +2
sav efficace | +2
sav réactif | +2
bon service client | +2
à l'écoute | +2
écoute attentive | +2
grande écoute | +2
hotline efficace | +2
support réactif | +2

# accueil
bon accueil | +2
accueil chaleureux | +2.5
accueil souriant | +2
bien accueilli | +2
bien accueillie | +2
bien accueillis | +2
bien reçu | +1
bien reçue | +1
bien traité | +1.5
bien traitée | +1.5
bien conseillé | +2
bien conseillée | +2
bien conseillés | +2
bien informé | +1.5
bien informée | +1.5
bien renseigné | +1.5
bien renseignée | +1.5
bien orienté | +1.5
bien orientée | +1.5
bien pris en charge | +2
bien prise en charge | +2
bien tenu informé | +2
bien expliqué | +1.5
tenu informé | +1
tenue informée | +1

# personnel, conseillers, agents
personnel aimable | +2
personnel souriant | +2
personnel compétent | +2
personnel serviable | +2
personnel à l'écoute | +2
personnel disponible | +1.5
gentillesse du personnel | +2
amabilité du personnel | +2
conseiller aimable | +2
conseiller compétent | +2
conseiller à l'écoute | +2
conseillère aimable | +2
conseillère compétente | +2
conseillère à l'écoute | +2
technicien compétent | +2
technicien ponctuel | +2
livreur aimable | +2
livreur ponctuel | +2
chauffeur aimable | +2
serveur aimable | +2
serveurs aimables | +2

# qualité du service
service rapide | +2
service efficace | +2
service impec | +2.5
service de qualité | +2
service personnalisé | +1.5
service sur mesure | +2
service nickel | +2.5
service fluide | +1.5
bon service | +2
prise en charge rapide | +2
prise en charge efficace | +2
prise en charge immédiate | +2
grande réactivité | +2
bonne réactivité | +2
grande disponibilité | +2
grande patience | +2
suivi personnalisé | +1.5
bon suivi | +1.5
geste commercial | +0.5
merci au service client | +2
bravo au service client | +2.5
bravo à l'équipe | +2.5

# réponses et résolution
réponse rapide | +2
réponses rapides | +2
réponse claire | +1.5
réponses claires | +1.5
réponse précise | +1.5
réponse immédiate | +2
réponse personnalisée | +1.5
réponse adaptée | +1.5
rappel rapide | +2
rappelé rapidement | +2
rappelée rapidement | +2
explication claire | +2
explications claires | +2
informations claires | +1.5
bonne communication | +1.5
informé en temps réel | +1.5
problème résolu | +2
problème réglé | +2
problème résolu rapidement | +2.5
problème réglé rapidement | +2.5
souci réglé | +2
souci résolu | +2
litige réglé | +1.5
dossier réglé | +1.5
dossier traité rapidement | +2
demande traitée rapidement | +2
demande prise en compte | +1.5
réclamation prise en compte | +1.5
réclamation traitée rapidement | +2
intervention rapide | +2
intervention efficace | +2
dépannage rapide | +2
réparation rapide | +2
travail soigné | +2
travail bien fait | +2
travail propre | +1.5

# expérience globale
bonne expérience | +2
belle expérience | +2
expérience à renouveler | +2
bonne adresse | +2
excellente adresse | +2.5

# ---------------------------------------------------------------------------
# Service client — negative
# ---------------------------------------------------------------------------
service client inexistant | -3
service client injoignable | -3
service client absent | -2.5
service client fantôme | -2.5
service client à la ramasse | -2.5
service client aux abonnés absents | -3
service après-vente inexistant | -3
service après-vente injoignable | -3
sav inexistant | -3
sav injoignable | -3
hotline injoignable | -2.5
support inexistant | -2.5
service technique injoignable | -2.5
assistance injoignable | -2.5
relation client inexistante | -2.5
mauvais service | -2
service lent | -1.5
service minimum | -1.5
service minimal | -1.5
service inexistant | -2.5
service expéditif | -1.5

# accueil
mauvais accueil | -2
accueil glacial | -2.5
accueil froid | -2
accueil inexistant | -2
mal accueilli | -2
mal accueillie | -2
mal accueillis | -2
mal reçu | -2
mal reçue | -2
mal traité | -2
mal traitée | -2
mal servi | -2
mal servis | -2
mal conseillé | -2
mal conseillée | -2
mal conseillés | -2
mal informé | -2
mal informée | -2
mal renseigné | -2
mal renseignée | -2
mal orienté | -1.5
mal orientée | -1.5
mal aiguillé | -1.5

# personnel, conseillers, agents
personnel désagréable | -2.5
personnel incompétent | -2.5
personnel méprisant | -3
personnel froid | -2
personnel peu aimable | -2.5
personnel débordé | -1
personnel absent | -1.5
conseiller désagréable | -2.5
conseiller incompétent | -2.5
conseiller peu aimable | -2.5
conseiller injoignable | -2.5
conseillère désagréable | -2.5
conseillère incompétente | -2.5
conseillère peu aimable | -2.5
conseillère injoignable | -2.5
vendeur insistant | -1.5
vendeur injoignable | -2.5
vendeur fantôme | -2.5
technicien absent | -2
technicien jamais venu | -3
technicien jamais passé | -3
livreur jamais passé | -3
conduite dangereuse | -2.5
serveur débordé | -1
serveurs débordés | -1
assureur injoignable | -2.5
ton sec | -1.5

# manques et absences
mépris du client | -3
mépris des clients | -3
mépris total | -3
manque de professionnalisme | -2.5
manque de respect | -2.5
manque de considération | -2.5
manque d'écoute | -2
manque de suivi | -2
manque de communication | -2
manque de réactivité | -2
manque de transparence | -2
manque d'information | -1.5
manque d'informations | -1.5
manque de personnel | -1.5
manque d'hygiène | -2.5
manque de sérieux | -2.5
manque de courtoisie | -2
manque de compétence | -2.5
manque d'amabilité | -2
manque de politesse | -2
manque de clarté | -1.5
manque de rigueur | -2
manque de formation | -1.5
défaut de conseil | -2
défaut d'information | -2
absence de réponse | -2
absence de suivi | -2
absence de communication | -2
absence de solution | -2
suivi inexistant | -2.5
suivi déplorable | -2.5
zéro suivi | -2.5
zéro réponse | -2.5
zéro professionnalisme | -3
zéro communication | -2.5
zéro considération | -2.5

# réponses, promesses
réponse type | -1.5
réponses types | -1.5
réponse automatique | -1
réponses automatiques | -1
réponse toute faite | -1.5
réponses toutes faites | -1.5
réponse évasive | -2
réponses évasives | -2
réponse sèche | -1.5
réponse incomplète | -1.5
réponse incohérente | -2
réponse inadaptée | -2
réponse hors sujet | -2
réponse à côté | -2
réponse tardive | -1.5
réponse bidon | -2
copier coller | -1.5
informations contradictoires | -2
informations erronées | -2
fausses informations | -2
fausse information | -2
mauvaise information | -2
mauvaises informations | -2
discours contradictoires | -2
promesses non tenues | -2.5
promesse non tenue | -2.5
engagement non respecté | -2.5
engagements non respectés | -2.5
délai non respecté | -2
délais non respectés | -2
rendez-vous manqué | -2
rendez-vous non honoré | -2.5
rendez-vous annulé | -1.5
rappel jamais effectué | -2.5
refus de rembourser | -2.5
refus de remboursement | -2.5
refus catégorique | -2
refus systématique | -2
intervention bâclée | -2.5
travail bâclé | -2.5
travail mal fait | -2
réparation bâclée | -2.5
réparation interminable | -2.5
réparation refusée | -2

# attente et joignabilité
temps d'attente interminable | -2.5
temps d'attente trop long | -2
temps d'attente excessif | -2
temps d'attente raisonnable | +1
temps d'attente réduit | +1
attente interminable | -2.5
attente excessive | -2
longue attente | -1.5
attente téléphonique | -1
heures d'attente | -2
des heures au téléphone | -2.5
pendu au téléphone | -2
musique d'attente | -1
mis en attente | -1
file d'attente interminable | -2.5
longue file d'attente | -1.5
queue interminable | -2
délais interminables | -2.5
délai interminable | -2.5
délais à rallonge | -2.5
délais excessifs | -2
délais trop longs | -2
délai raisonnable | +1
délais raisonnables | +1
délais respectés | +2
délai respecté | +2
dans les délais | +1.5
dans les temps | +1.5
en temps et en heure | +2
toujours en attente | -2
injoignable par téléphone | -2.5
impossible à joindre | -2.5
impossible de joindre | -2.5
impossible de les joindre | -2.5
impossible d'avoir quelqu'un | -2.5
ligne saturée | -1.5
lignes saturées | -1.5
numéro surtaxé | -2
ligne surtaxée | -2
appel surtaxé | -2
serveur vocal | -1
raccroché au nez | -2.5
raccrocher au nez | -2.5
chatbot inutile | -2
robot inutile | -2
assistant virtuel inutile | -2

# ---------------------------------------------------------------------------
# Livraison, e-commerce, retours
# ---------------------------------------------------------------------------
livraison rapide | +2
livraison express | +1
livraison ultra rapide | +2.5
livraison soignée | +2
livraison dans les temps | +2
livraison dans les délais | +2
livraison en avance | +2
livraison conforme | +1.5
livraison offerte | +1
livraison gratuite | +1
livré rapidement | +2
livrée rapidement | +2
livrés rapidement | +2
livré le lendemain | +2
livré dans les temps | +2
livré à temps | +1.5
livrée à temps | +1.5
livré en avance | +2
livré à l'heure | +1.5
reçu rapidement | +1.5
reçue rapidement | +1.5
colis bien reçu | +1.5
commande bien reçue | +1.5
commande conforme | +1.5
produit conforme | +1.5
article conforme | +1.5
conforme à la description | +1.5
conforme à la commande | +1.5
conforme aux photos | +1.5
conforme à la photo | +1.5
conforme à mes attentes | +2
bien emballé | +1.5
bien emballée | +1.5
emballage soigné | +2
emballage soigneux | +2
colis bien protégé | +1.5
en parfait état | +2
en bon état | +1.5
livraison en retard | -2
livraison tardive | -2
retard de livraison | -2
retards de livraison | -2
livraison retardée | -2
livraison reportée | -1.5
livraison ratée | -2
livraison annulée | -2
livraison incomplète | -2
livraison partielle | -1.5
livraison chaotique | -2.5
livraison lente | -1.5
en retard | -1.5
frais de livraison exorbitants | -2.5
frais de port exorbitants | -2.5
frais de port excessifs | -2
colis perdu | -2.5
colis égaré | -2.5
colis endommagé | -2.5
colis abîmé | -2
colis écrasé | -2
carton éventré | -2
colis ouvert | -1.5
colis volé | -3
colis jamais reçu | -3
colis jamais arrivé | -3
colis introuvable | -2.5
colis bloqué | -2
colis en retard | -2
colis laissé devant la porte | -1.5
colis déposé n'importe où | -2
faux avis de passage | -2.5
point relais fermé | -1.5
mauvaise adresse | -1.5
emballage abîmé | -1.5
emballage déchiré | -1.5
commande perdue | -2.5
commande jamais reçue | -3
commande jamais arrivée | -3
commande incomplète | -2
commande erronée | -2
commande bloquée | -2
commande introuvable | -2
commande en retard | -2
commande annulée | -1.5
erreur de commande | -1.5
erreur de livraison | -2
article manquant | -2
articles manquants | -2
produit manquant | -2
pièce manquante | -2
pièces manquantes | -2
mauvais article | -2
mauvais produit | -2
mauvaise taille | -1
produit défectueux | -2.5
produit cassé | -2.5
article endommagé | -2.5
produit abîmé | -2
produit non conforme | -2
article non conforme | -2
non conforme | -2
article usagé | -2
produit usagé | -2
produit contrefait | -2.5
photo trompeuse | -2
photos trompeuses | -2
description trompeuse | -2
rupture de stock | -1
ruptures de stock | -1
suivi bloqué | -1.5

# jamais / toujours pas reçu (negated delivery verbs carry no polarity on their own)
jamais reçu | -2.5
jamais reçue | -2.5
jamais reçus | -2.5
jamais livré | -2.5
jamais livrée | -2.5
jamais arrivé | -2.5
jamais arrivée | -2.5
jamais remboursé | -3
jamais remboursée | -3
pas reçu | -2
pas reçue | -2
rien reçu | -2.5
pas livré | -2
pas livrée | -2
pas remboursé | -2.5
pas remboursée | -2.5
toujours pas reçu | -2.5
toujours pas reçue | -2.5
toujours pas livré | -2.5
toujours pas livrée | -2.5
toujours pas arrivé | -2.5
toujours pas arrivée | -2.5
toujours pas remboursé | -3
toujours pas remboursée | -3

# remboursements, retours, échanges
remboursement rapide | +2
remboursement immédiat | +2
remboursement express | +2
remboursement intégral | +1.5
remboursement effectué | +1.5
remboursement reçu | +1.5
remboursé rapidement | +2
remboursée rapidement | +2
bien remboursé | +1.5
retour facile | +1.5
retour gratuit | +1
retours gratuits | +1
retour simple | +1.5
retour accepté | +1.5
échange rapide | +1.5
échange facile | +1.5
remboursement refusé | -2.5
remboursement bloqué | -2.5
remboursement en attente | -1.5
remboursement partiel | -1
remboursement interminable | -2.5
remboursement dérisoire | -2
attente de remboursement | -1.5
argent non remboursé | -2.5
mal remboursé | -2
retour refusé | -2
échange refusé | -2
retour compliqué | -2
retour payant | -1
frais de retour | -1

# sites et applications
site clair | +1
site intuitif | +1.5
site fiable | +1.5
site sérieux | +1.5
facile d'utilisation | +1.5
simple d'utilisation | +1.5
facile à utiliser | +1.5
simple à utiliser | +1.5
compliqué à utiliser | -1.5
application intuitive | +1.5
application pratique | +1.5
application bien faite | +2
appli bien faite | +2
site bugué | -2
site buggé | -2
site qui plante | -2
site en panne | -2
site inaccessible | -2
site lent | -1.5
site inutilisable | -2.5
site frauduleux | -3
faux site | -2.5
application qui plante | -2
appli qui plante | -2
application buggée | -2
appli buggée | -2
application inutilisable | -2.5
appli inutilisable | -2.5
bug informatique | -1.5
problème informatique | -1.5
impossible de se connecter | -2
paiement refusé | -1.5

# ---------------------------------------------------------------------------
# Facturation et prix
# ---------------------------------------------------------------------------
frais cachés | -2.5
frais abusifs | -2.5
frais exorbitants | -2.5
frais excessifs | -2
frais injustifiés | -2.5
frais supplémentaires | -1.5
frais réduits | +1
zéro frais | +1.5
facture exorbitante | -2.5
facture astronomique | -2.5
facture salée | -2
facture erronée | -2
factures erronées | -2
facture incompréhensible | -2
facture qui explose | -2.5
facture multipliée par deux | -2.5
facture en hausse | -1
facture rectifiée | +1
facture corrigée | +1
facture claire | +1
facturation claire | +1
erreur de facturation | -2
erreurs de facturation | -2
facturation abusive | -2.5
double prélèvement | -2.5
débité deux fois | -2.5
prélevé deux fois | -2.5
facturé deux fois | -2.5
payé deux fois | -2
hausse de prix | -1.5
hausse des prix | -1.5
augmentation de prix | -1.5
augmentation des prix | -1.5
augmentation tarifaire | -1.5
augmentation abusive | -2.5
hausse abusive | -2.5
augmentation injustifiée | -2.5
augmentation sans prévenir | -2.5
prix abusif | -2.5
prix abusifs | -2.5
prix exorbitant | -2.5
prix exorbitants | -2.5
prix excessif | -2
prix excessifs | -2
prix prohibitif | -2
prix prohibitifs | -2
prix élevé | -1
prix élevés | -1
prix exagéré | -2
prix exagérés | -2
prix indécent | -2.5
prix indécents | -2.5
prix délirants | -2.5
prix raisonnable | +1.5
prix raisonnables | +1.5
prix abordable | +1.5
prix abordables | +1.5
prix attractif | +1.5
prix attractifs | +1.5
prix compétitif | +1.5
prix compétitifs | +1.5
prix correct | +1
prix corrects | +1
prix honnête | +1.5
prix honnêtes | +1.5
prix imbattable | +2.5
prix imbattables | +2.5
prix cassés | +1
petits prix | +1
bon prix | +1.5
bons prix | +1.5
prix d'ami | +1.5
tarif avantageux | +1.5
tarifs avantageux | +1.5
tarifs compétitifs | +1.5
tarifs raisonnables | +1.5
tarifs abusifs | -2.5
tarifs exorbitants | -2.5
tarifs prohibitifs | -2
tarifs excessifs | -2
très bon rapport qualité prix | +2.5
excellent rapport qualité prix | +3
rapport qualité prix imbattable | +2.5
rapport qualité prix excellent | +2.5
rapport qualité prix correct | +1
rapport qualité prix déplorable | -2.5
rapport qualité prix médiocre | -2
arnaque commerciale | -3
pratique commerciale douteuse | -2.5
pratiques commerciales douteuses | -2.5
pratiques commerciales abusives | -3
pratique abusive | -2.5
pratiques abusives | -2.5
vente forcée | -3
ventes forcées | -3
démarchage abusif | -2.5
démarchage agressif | -2.5
démarchage téléphonique | -1.5
harcèlement téléphonique | -3
appels incessants | -2
publicité mensongère | -3
offre mensongère | -3
offre trompeuse | -2.5
clause abusive | -2.5
conditions abusives | -2
abonnement caché | -2.5
option non demandée | -2
options non demandées | -2
service non demandé | -2
abonnement non demandé | -2.5
promo non appliquée | -2
promotion non appliquée | -2
remise non appliquée | -2
offre adaptée | +1.5
offre claire | +1
offre alléchante | +1.5
offre intéressante | +1.5
offres intéressantes | +1.5
offre avantageuse | +1.5
offre attractive | +1.5
bonne affaire | +2
bon plan | +2

# ---------------------------------------------------------------------------
# Banques
# ---------------------------------------------------------------------------
frais bancaires abusifs | -2.5
frais bancaires exorbitants | -2.5
frais bancaires excessifs | -2
frais bancaires raisonnables | +1.5
frais de tenue de compte | -1
frais d'incident | -1.5
frais d'incidents | -1.5
frais de rejet | -1.5
commission d'intervention | -1.5
commissions d'intervention | -1.5
agios injustifiés | -2.5
agios exorbitants | -2.5
compte bloqué | -2
compte gelé | -2
carte bloquée | -2
carte bancaire bloquée | -2
carte avalée | -2
carte refusée | -1.5
virement bloqué | -2
virement non reçu | -2
virement jamais arrivé | -2.5
argent bloqué | -2.5
fonds bloqués | -2.5
accès bloqué | -2
prélèvement abusif | -2.5
prélèvements abusifs | -2.5
prélèvement injustifié | -2.5
prélèvement non autorisé | -3
prélèvements non autorisés | -3
prélèvement frauduleux | -3
opération frauduleuse | -2.5
fraude bancaire | -2.5
compte piraté | -2.5
piratage de compte | -2.5
crédit refusé | -1.5
prêt refusé | -1.5
crédit accordé | +1.5
prêt accordé | +1.5
taux avantageux | +1.5
taux intéressant | +1.5
taux exorbitant | -2
ouverture de compte rapide | +2
ouverture de compte facile | +1.5
conseiller bancaire compétent | +2
banque en ligne pratique | +1.5
application bancaire pratique | +1.5

# ---------------------------------------------------------------------------
# Assurances et mutuelles
# ---------------------------------------------------------------------------
sinistre non pris en charge | -2.5
sinistre refusé | -2.5
sinistre classé sans suite | -2.5
sinistre pris en charge | +1.5
sinistre bien pris en charge | +2
sinistre traité rapidement | +2
prise en charge refusée | -2.5
refus de prise en charge | -2.5
refus d'indemnisation | -2.5
indemnisation rapide | +2
indemnisation refusée | -2.5
indemnisation ridicule | -2.5
indemnisation dérisoire | -2.5
indemnisation interminable | -2.5
indemnisation correcte | +1
indemnisé rapidement | +2
indemnisée rapidement | +2
expertise bâclée | -2.5
dossier bloqué | -2
dossier égaré | -2.5
dossier perdu | -2.5
dossier en suspens | -1.5
dossier qui traîne | -2
documents perdus | -2
papiers perdus | -2
franchise exorbitante | -2
cotisation en hausse | -1.5
cotisations en hausse | -1.5
hausse de cotisation | -1.5
augmentation de cotisation | -1.5
cotisation exorbitante | -2.5
cotisations qui explosent | -2.5
garantie refusée | -2
garantie non appliquée | -2
garantie respectée | +1.5
exclusion de garantie | -1.5
contrat incompréhensible | -1.5
bien couvert | +1.5
mal couvert | -1.5
assureur réactif | +2
mutuelle réactive | +2
assistance rapide | +2
assistance efficace | +2
dépanneuse rapide | +1.5
dépanneuse jamais arrivée | -3
véhicule immobilisé | -2
voiture immobilisée | -2

# ---------------------------------------------------------------------------
# Télécoms : réseau, fibre, box, mobile
# ---------------------------------------------------------------------------
connexion instable | -2
connexion lente | -1.5
connexion coupée | -2
connexion qui coupe | -2
lenteur de connexion | -2
lenteurs de connexion | -2
coupures à répétition | -2.5
coupures incessantes | -2.5
coupures fréquentes | -2
coupure de réseau | -2
coupures de réseau | -2
coupure internet | -2
internet coupé | -2
internet qui coupe | -2
internet qui rame | -2
wifi instable | -2
wifi qui coupe | -2
wifi qui décroche | -2
débit ridicule | -2.5
débit insuffisant | -2
débit faible | -1.5
débit médiocre | -2
faible débit | -1.5
latence élevée | -1.5
débit excellent | +2
excellent débit | +2
bon débit | +1.5
débit stable | +1.5
débit conforme | +1.5
connexion stable | +1.5
connexion rapide | +1.5
bonne connexion | +1.5
bonne couverture | +1.5
couverture réseau excellente | +2
bonne réception | +1.5
réseau stable | +1.5
réseau fiable | +1.5
bon réseau | +1.5
réseau au top | +2.5
zéro coupure | +2
réseau saturé | -2
réseau instable | -2
réseau défaillant | -2
réseau inexistant | -2.5
réseau médiocre | -2
réseau en carton | -2.5
mauvais réseau | -2
mauvaise couverture | -2
mauvaise réception | -1.5
couverture médiocre | -2
couverture inexistante | -2.5
zone blanche | -2
appels coupés | -2
appels qui coupent | -2
sms non reçus | -1.5
panne internet | -2
panne de réseau | -2
panne réseau | -2
panne générale | -2
panne géante | -2.5
fibre instable | -2
fibre en panne | -2.5
fibre coupée | -2
fibre jamais installée | -2.5
fibre au top | +2.5
fibre rapide | +1.5
fibre ultra rapide | +2
raccordement impossible | -2
raccordement interminable | -2.5
installation rapide | +1.5
installation facile | +1.5
installation soignée | +2
installation bâclée | -2.5
mise en service rapide | +2
mise en service interminable | -2.5
box en panne | -2
box défectueuse | -2
box qui redémarre | -1.5
box qui plante | -2
box jamais reçue | -3
décodeur en panne | -2
équipement défectueux | -2
matériel défectueux | -2
ligne coupée | -2
ligne en dérangement | -2
en dérangement | -2
en panne | -2
hors service | -2
carte sim bloquée | -2
numéro perdu | -2
portabilité ratée | -2
portabilité rapide | +1.5
hors forfait | -1
hors forfait exorbitant | -2.5
forfait avantageux | +1.5
forfait intéressant | +1.5
frais de mise en service | -1
frais d'activation | -1
frais de restitution | -1

# ---------------------------------------------------------------------------
# Énergie (électricité, gaz)
# ---------------------------------------------------------------------------
compteur bloqué | -2
compteur défectueux | -2
relevé erroné | -2
index erroné | -2
estimation erronée | -2
facture estimée | -1
consommation estimée | -1
consommation surestimée | -2
mensualités en hausse | -1.5
mensualité en hausse | -1.5
mensualités exorbitantes | -2.5
mensualités augmentées | -1.5
régularisation exorbitante | -2.5
régularisation salée | -2
facture de régularisation | -1
trop perçu non remboursé | -2.5
coupure de courant | -1.5
coupures de courant | -2
coupure d'électricité | -2
coupure de gaz | -2
coupure abusive | -2.5
coupure sans préavis | -2.5
coupé sans prévenir | -2.5
panne de chauffage | -2
chauffage en panne | -2
échéancier accepté | +1.5
délai de paiement accordé | +1.5
tarif bloqué | +1

# ---------------------------------------------------------------------------
# Transports (train, avion, bus, taxi)
# ---------------------------------------------------------------------------
train annulé | -2
trains annulés | -2
train supprimé | -2
trains supprimés | -2
train en retard | -2
trains en retard | -2
retard de train | -2
vol annulé | -2.5
vols annulés | -2.5
vol retardé | -2
vol en retard | -2
vol surbooké | -2
bus en retard | -1.5
bus annulé | -1.5
bus supprimé | -1.5
taxi en retard | -1.5
annulation de dernière minute | -2
correspondance ratée | -2
correspondance manquée | -2
retards à répétition | -2.5
retards incessants | -2.5
retard important | -2
gros retard | -2
énorme retard | -2.5
retard de plusieurs heures | -2.5
heures de retard | -2
minutes de retard | -1
train bondé | -1.5
wagon bondé | -1.5
rame bondée | -1.5
métro bondé | -1.5
bagage perdu | -2.5
bagages perdus | -2.5
valise perdue | -2.5
bagage égaré | -2.5
bagage endommagé | -2
valise endommagée | -2
embarquement refusé | -2.5
refus d'embarquement | -2.5
grève surprise | -1.5
trajet interminable | -2
voyage interminable | -2
voyage cauchemardesque | -3
sièges inconfortables | -1.5
toilettes sales | -2
toilettes bouchées | -2
climatisation en panne | -2
clim en panne | -2
billet non remboursé | -2
billet remboursé | +1
train à l'heure | +1.5
vol à l'heure | +1.5
arrivé à l'heure | +1.5
ponctualité exemplaire | +2.5
bonne ponctualité | +1.5
voyage agréable | +2
voyage de rêve | +2.5
trajet agréable | +1.5
vol agréable | +2
vol confortable | +2
siège confortable | +1.5
sièges confortables | +1.5
train propre | +1

# ---------------------------------------------------------------------------
# Restaurants et livraison de repas
# ---------------------------------------------------------------------------
plats froids | -2
plat froid | -2
repas froid | -2
plat tiède | -1.5
plats tièdes | -1.5
arrivé froid | -2
arrivée froide | -2
livré froid | -2
frites froides | -1.5
frites molles | -1.5
café froid | -1.5
bière tiède | -1.5
boissons tièdes | -1.5
pain rassis | -1.5
huile rance | -2.5
vin bouchonné | -2
viande dure | -1.5
cuisson ratée | -2
cuisson parfaite | +2
cuisson impeccable | +2
portions généreuses | +2
portion généreuse | +2
portions copieuses | +2
plats copieux | +2
plat copieux | +2
assiette copieuse | +2
assiettes copieuses | +2
repas copieux | +2
portions ridicules | -2
portion ridicule | -2
portions minuscules | -2
portions chiches | -1.5
produits frais | +1.5
produits de qualité | +1.5
produits locaux | +1
fait maison | +1.5
cuisine maison | +1.5
cuisine raffinée | +2
cuisine inventive | +2
cuisine créative | +2
cuisine authentique | +2
cuisine généreuse | +2
plats raffinés | +2
bon repas | +2
carte variée | +1.5
menu varié | +1.5
carte alléchante | +1.5
repas médiocre | -2
cuisine médiocre | -2
nourriture médiocre | -2
cuisine industrielle | -2
nourriture industrielle | -2
plats industriels | -2
produits surgelés | -1.5
plats surgelés | -1.5
plat réchauffé | -1.5
réchauffé au micro-ondes | -2
ambiance chaleureuse | +2
ambiance agréable | +2
ambiance conviviale | +2
ambiance sympathique | +2
ambiance bruyante | -1
cadre agréable | +2
cadre magnifique | +2.5
cadre chaleureux | +2
cadre idyllique | +2.5
salle bruyante | -1
salle sale | -2
table sale | -1.5
tables sales | -1.5
cheveu dans l'assiette | -2.5
cheveu dans le plat | -2.5
erreur dans la commande | -1.5
commande oubliée | -2
plat oublié | -1.5
réservation oubliée | -2
réservation perdue | -2
addition salée | -2
note salée | -2
addition exorbitante | -2.5
intoxication alimentaire | -3
hygiène douteuse | -2.5
propreté irréprochable | +2.5
propreté douteuse | -2
bon restaurant | +2

# ---------------------------------------------------------------------------
# Séries TV et programmes
# ---------------------------------------------------------------------------
série captivante | +2.5
série addictive | +2.5
série culte | +2.5
série incontournable | +2.5
scénario captivant | +2.5
scénario bien ficelé | +2.5
intrigue captivante | +2.5
intrigue bien ficelée | +2.5
suspense haletant | +2.5
rythme soutenu | +1.5
personnages attachants | +2
personnages bien écrits | +2
bons acteurs | +2
acteurs convaincants | +2
dialogues ciselés | +2
effets spéciaux réussis | +2
bande originale magnifique | +2.5
fin magnifique | +2
personnages creux | -2
personnages caricaturaux | -2
mauvais acteurs | -2
casting raté | -2
jeu d'acteur médiocre | -2
jeu d'acteurs médiocre | -2
scénario incohérent | -2
scénario prévisible | -1.5
scénario creux | -2
intrigue prévisible | -1.5
dialogues creux | -2
effets spéciaux ratés | -2
saison de trop | -2
épisodes interminables | -2
longueurs inutiles | -1.5
rythme lent | -1
