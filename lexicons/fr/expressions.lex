# expressions.lex — fixed French expressions whose meaning is not the plain sum or negation
# of their words: litotes (pas mal, pas terrible), negator phrases with a fixed meaning
# (rien à redire, aucun souci, sans réponse), idioms (à fuir, laisse à désirer, mener en
# bateau), thanks and recommendations. Every entry has at least two words; an entry that
# contains a negator is never negated again. Written by the sentinelle team.
# Format: PATTERN | WEIGHT   (see lexicons/README.md)

# ---------------------------------------------------------------------------
# Litotes and fixed "pas ..." expressions
# ---------------------------------------------------------------------------
pas mal | +1.5
pas mal du tout | +2
pas si mal | +1
pas terrible | -1.5
pas terrible du tout | -2
pas top | -1.5
pas au top | -1.5
pas le top | -1.5
pas fameux | -1.5
pas folichon | -1.5
pas glorieux | -1.5
pas brillant | -1.5
pas jojo | -1.5
pas fou | -1
pas la joie | -1.5
pas le pied | -1.5
pas triste | -1
pas gagné | -1.5
pas évident | -1
pas normal | -2
pas pro | -2
pas réglo | -2
pas net | -1
pas très catholique | -1.5
pas donné | -1.5
pas cher | +1.5
pas chère | +1.5
pas chers | +1.5
pas chères | +1.5
pas la mer à boire | +1
pas de quoi se plaindre | +1.5
pas de quoi être fier | -1.5
pas que ça à faire | -1.5
pas la peine | -1
pas le choix | -1
pas d'autre choix | -1
pas grand chose | -1
pas à la hauteur | -2
pas à la hauteur des attentes | -2.5
pas du tout à la hauteur | -2.5
pas au niveau | -2
c'est pas possible | -1.5
ce n'est pas possible | -1.5
pas de chance | -1
pas de bol | -1
pas de pot | -1
manque de chance | -1
manque de bol | -1
pas mangeable | -2.5
pas frais | -2
pas fraîche | -2
pas fraîches | -2
pas cuit | -1.5
pas cuite | -1.5
pas assez cuit | -1.5
pas assez cuite | -1.5

# ---------------------------------------------------------------------------
# "pas de / aucun / sans" + neutral word = absence with a fixed polarity
# ---------------------------------------------------------------------------
pas de souci | +1
pas de soucis | +1
pas de problème | +1
pas de problèmes | +1
pas un seul problème | +1.5
pas le moindre problème | +1.5
pas le moindre souci | +1.5
pas l'ombre d'un problème | +1.5
aucun problème | +1.5
aucun souci | +1.5
aucun soucis | +1.5
jamais de problème | +1.5
jamais de souci | +1.5
jamais eu de problème | +2
jamais eu de souci | +2
jamais eu de soucis | +2
sans souci | +1.5
sans soucis | +1.5
sans problème | +1.5
sans problèmes | +1.5
sans accroc | +2
sans encombre | +1.5
sans faute | +1.5
un sans faute | +2.5
sans fausse note | +2
sans reproche | +2
sans prise de tête | +2
sans chichis | +1
sans difficulté | +1.5
sans difficultés | +1.5
sans complication | +1.5
sans bavure | +2
sans égal | +2
sans pareil | +2
sans attente | +1.5
pas d'attente | +1.5
aucune attente | +1.5
sans frais | +1
sans frais supplémentaires | +1
pas de frais cachés | +1.5
aucun frais caché | +1.5
sans frais cachés | +1.5
aucun frais | +1
sans mauvaise surprise | +1.5
sans mauvaises surprises | +1.5
pas de mauvaise surprise | +1.5
pas de mauvaises surprises | +1.5
aucune mauvaise surprise | +1.5
pas de bug | +1
aucun bug | +1
sans bug | +1
pas de coupure | +1.5
pas de coupures | +1.5
aucune coupure | +1.5
sans coupure | +1.5
pas de panne | +1.5
aucune panne | +1.5
pas de retard | +1.5
aucun retard | +1.5
aucun regret | +2
aucun reproche | +2
rien à redire | +2
rien à dire | +1.5
rien à signaler | +1
rien à reprocher | +2
rien à jeter | +2
rien à envier | +1.5
rien à ajouter | +0.5
ne regrette pas | +2
ne regrette rien | +2
pas regretté | +2
jamais vu mieux | +2.5

# absences that hurt
pas de réponse | -2
aucune réponse | -2.5
sans réponse | -2
jamais de réponse | -2
pas de retour | -2
aucun retour | -2
sans retour | -2
sans aucun retour | -2
jamais de retour | -2
pas de nouvelles | -2
pas de nouvelle | -2
aucune nouvelle | -2
sans nouvelle | -2
sans nouvelles | -2
jamais de nouvelles | -2
pas de solution | -2
aucune solution | -2.5
sans solution | -2
pas de suivi | -2
aucun suivi | -2
pas d'explication | -2
pas d'explications | -2
aucune explication | -2
sans explication | -2
sans aucune explication | -2.5
pas d'excuses | -2
aucune excuse | -2
sans aucune excuse | -2
pas un mot d'excuse | -2
pas de geste commercial | -2
aucun geste commercial | -2
pas de remboursement | -2
aucun remboursement | -2
pas de dédommagement | -2
aucun dédommagement | -2
pas de compensation | -2
aucune compensation | -2
aucune indemnisation | -2
pas d'interlocuteur | -2
aucun interlocuteur | -2
pas de contact | -1.5
aucun contact | -1.5
pas d'information | -2
pas d'informations | -2
aucune information | -2
pas d'info | -2
pas d'infos | -2
aucune info | -2
pas d'aide | -2
aucune aide | -2
pas de rappel | -2
aucun rappel | -2
pas rappelé | -2
jamais rappelé | -2.5
jamais rappelée | -2.5
pas de prise en charge | -2
aucune prise en charge | -2
aucun recours | -2
aucune réaction | -1.5
aucune réactivité | -2
aucun résultat | -1.5
aucune amélioration | -1.5
aucune évolution | -1.5
aucun changement | -1
aucune trace | -1.5
aucun sens | -1.5
aucun effort | -2
aucune considération | -2.5
aucun respect | -2.5
sans aucun respect | -2.5
aucun professionnalisme | -2.5
aucune compétence | -2.5
aucun sens du service | -2.5
aucune écoute | -2
aucune empathie | -2
aucune compassion | -2
aucun intérêt | -2
pas d'intérêt | -2
sans intérêt | -2
sans saveur | -2
sans goût | -2
pas de goût | -2
pas de saveur | -2
sans âme | -2
sans plus | -0.5
rien de spécial | -0.5
rien d'exceptionnel | -0.5
rien d'extraordinaire | -0.5
rien de fou | -0.5
rien de transcendant | -1
sans prévenir | -1.5
sans préavis | -1.5
sans mon accord | -2.5
sans mon consentement | -2.5
sans autorisation | -2
sans justification | -2
sans suite | -2
sans effet | -1.5
sans résultat | -1.5
sans succès | -1.5
sans scrupule | -2.5
sans scrupules | -2.5
sans vergogne | -2.5
sans gêne | -2
sans respect | -2
sans fin | -1.5
sans arrêt | -1
sans cesse | -1
sans commentaire | -1.5
en vain | -1.5

# ---------------------------------------------------------------------------
# Things that do not work (negated neutral verbs carry no polarity on their own)
# ---------------------------------------------------------------------------
rien ne va | -2.5
rien ne va plus | -2.5
rien ne marche | -2.5
rien ne fonctionne | -2.5
rien ne bouge | -2
rien n'a été fait | -2.5
rien n'est fait | -2
rien n'a bougé | -2
rien n'a changé | -1.5
rien n'y fait | -1.5
rien compris | -1.5
ne fonctionne pas | -2
ne fonctionne plus | -2
ne fonctionnent pas | -2
ne fonctionnent plus | -2
fonctionne pas | -2
fonctionne plus | -2
ça fonctionne pas | -2
ne marche pas | -2
ne marche plus | -2
ne marchent pas | -2
ne marchent plus | -2
marche pas | -2
marche plus | -2
ça marche pas | -2
fonctionne mal | -2
marche mal | -2
fonctionne bien | +1.5
marche bien | +1.5
fonctionne parfaitement | +2
marche parfaitement | +2
à merveille | +2.5
comme un charme | +2
ne s'allume pas | -2
ne s'allume plus | -2
ne démarre pas | -2
ne démarre plus | -2
ne charge pas | -2
ne charge plus | -2
ne s'ouvre pas | -1.5
ne se connecte pas | -2
ne répond plus | -2
ne capte pas | -2
ne capte plus | -2
capte pas | -2
capte rien | -2
ne passe pas | -1.5
ne correspond pas | -1.5
ne correspondent pas | -1.5
correspond pas | -1.5
ne correspond pas à la description | -2
tombé en panne | -2
tombée en panne | -2
tombés en panne | -2
tombent en panne | -2
à plat | -1.5
ça rame | -2
qui rame | -2

# nobody answers
ne répond pas | -2
ne répondent pas | -2
répond pas | -2
répondent pas | -2
ne répond jamais | -2.5
ne répondent jamais | -2.5
répondent jamais | -2.5
ne rappelle pas | -2
ne rappellent pas | -2
ne rappelle jamais | -2.5
ne rappellent jamais | -2.5
ne décroche pas | -2
ne décrochent pas | -2
ne décrochent jamais | -2.5
ne bougent pas | -1.5
personne ne répond | -2.5
personne ne rappelle | -2.5
personne ne décroche | -2.5
personne ne sait | -2
personne ne bouge | -2
personne n'est capable | -2
ne savent rien | -2
ne sait rien | -2
connaissent rien | -2
connaît rien | -2
comprennent rien | -2
n'est pas venu | -2
ne sont pas venus | -2
n'est jamais venu | -2.5
ne sont jamais venus | -2.5
n'est pas passé | -1.5
ne sont pas passés | -1.5
jamais à l'heure | -2
jamais là | -1.5
sert à rien | -2
servent à rien | -2
ne sert à rien | -2
ne servent à rien | -2
bon à rien | -2.5
bons à rien | -2.5
pour rien | -1
merci pour rien | -2.5
payé pour rien | -2
déplacé pour rien | -2
déplacement pour rien | -2

# ---------------------------------------------------------------------------
# Worth it / not worth it, expectations
# ---------------------------------------------------------------------------
vaut le coup | +2
vaut largement le coup | +2.5
ne vaut pas le coup | -2
vaut pas le coup | -2
vaut le coup d'œil | +1.5
vaut le détour | +2.5
mérite le détour | +2.5
ne vaut pas le détour | -1.5
vaut pas le détour | -1.5
vaut le déplacement | +2
mérite le déplacement | +2
ne vaut pas le déplacement | -2
vaut pas le déplacement | -2
vaut la peine | +2
en vaut la peine | +2
ne vaut pas la peine | -2
vaut pas la peine | -2
vaut son prix | +1.5
vaut le prix | +1.5
ne vaut pas son prix | -2
vaut pas son prix | -2
ne vaut pas le prix | -2
ne vaut rien | -2.5
vaut rien | -2.5
vaut chaque centime | +2.5
vaut chaque euro | +2.5
vaut son pesant d'or | +2
pour son argent | +1.5
à la hauteur | +1.5
au rendez-vous | +1.5
au delà de mes attentes | +2.5
au delà de nos attentes | +2.5
dépasse mes attentes | +2.5
en dessous de mes attentes | -2
en deçà de mes attentes | -2
en dessous de tout | -3
au dessous de tout | -3
laisse à désirer | -2
laissent à désirer | -2
laisser à désirer | -2
peut mieux faire | -1
peu mieux faire | -1
pourrait mieux faire | -1
doit mieux faire | -1
mérite mieux | -1
des progrès à faire | -1
des efforts à faire | -1
faire un effort | -1
faire des efforts | -1
un petit effort | -1
à améliorer | -1
à revoir | -1.5
tout est à refaire | -2
mieux que prévu | +1.5
moins bien que prévu | -1.5
comme promis | +1
contrairement à ce qui était annoncé | -2
contrairement à ce qui était prévu | -1.5
contrairement aux promesses | -2
on reste sur sa faim | -1.5
sur sa faim | -1.5
sur ma faim | -1.5
sur notre faim | -1.5
goût de trop peu | -1
goût amer | -1.5
on a connu mieux | -1
j'ai connu mieux | -1
on a vu mieux | -1
de mieux en mieux | +2
de pire en pire | -2.5
de mal en pis | -2.5
de moins en moins bien | -2
de plus en plus cher | -1.5
pire que tout | -2.5
de loin le pire | -3
de loin le meilleur | +2.5
de loin la meilleure | +2.5
en chute libre | -2
part en vrille | -2
parti en vrille | -2
en cacahuète | -2
à vau-l'eau | -2
sens dessus dessous | -1.5

# ---------------------------------------------------------------------------
# Recommending and avoiding
# ---------------------------------------------------------------------------
à fuir | -3
passez votre chemin | -3
passe ton chemin | -2.5
à éviter | -2.5
à éviter absolument | -3
à proscrire | -2.5
à bannir | -2.5
à oublier | -2
à recommander | +2
à conseiller | +1.5
je recommande vivement | +3
recommande vivement | +3
je recommande chaudement | +3
je recommande fortement | +3
je recommande sans hésiter | +3
je vous le recommande | +2.5
les yeux fermés | +2
allez-y les yeux fermés | +3
à voir absolument | +2.5
à voir et à revoir | +2.5
à tester absolument | +2
à essayer absolument | +2
à découvrir absolument | +2.5
à découvrir | +1.5
à ne pas manquer | +2.5
à ne pas rater | +2.5
à ne pas louper | +2.5
expérience à refaire | +2
nous reviendrons | +2
on reviendra | +2
y retournerai | +2
y retournerons | +2
en redemande | +2
coup de cœur | +2.5
valeur sûre | +2
bonne pioche | +2
mauvaise pioche | -2
pari réussi | +2
pari raté | -2
bonne surprise | +2
belle surprise | +2
agréable surprise | +2
agréablement surpris | +2.5
agréablement surprise | +2.5
mauvaise surprise | -2
désagréablement surpris | -2.5
belle découverte | +2
bonne découverte | +2
mauvaise expérience | -2
expérience désastreuse | -3
expérience catastrophique | -3
expérience décevante | -2

# ---------------------------------------------------------------------------
# Being cheated, mocked, despised
# ---------------------------------------------------------------------------
n'importe quoi | -2
du grand n'importe quoi | -3
n'importe comment | -2
c'est du vol | -3
du vol organisé | -3
c'est de l'arnaque | -3
belle arnaque | -3
se foutre de la gueule | -3
se fout de la gueule | -3
se foutent de la gueule | -3
se foutre de notre gueule | -3
se fout de notre gueule | -3
se foutent de notre gueule | -3
se fout de ma gueule | -3
se foutent de ma gueule | -3
foutage de gueule | -3
se foutre du monde | -3
se fout du monde | -3
se foutent du monde | -3
se foutent des clients | -3
se fiche du monde | -2.5
se fichent du monde | -2.5
se fichent des clients | -2.5
se fiche de nous | -2.5
se fichent de nous | -2.5
se moquer du monde | -2.5
se moque du monde | -2.5
se moquent du monde | -2.5
se moque de nous | -2.5
se moquent de nous | -2.5
se moque des clients | -2.5
se moquent des clients | -2.5
se payer notre tête | -2.5
se paye notre tête | -2.5
s'en fiche | -2
s'en fichent | -2
s'en fout | -2.5
s'en foutent | -2.5
en ont rien à faire | -2.5
en a rien à faire | -2.5
rien à cirer | -1.5
comme de l'an quarante | -2
prendre pour des pigeons | -3
prend pour des pigeons | -3
prennent pour des pigeons | -3
pris pour des pigeons | -3
pris pour un pigeon | -3
prendre pour des idiots | -3
prend pour des idiots | -3
prennent pour des idiots | -3
pris pour des idiots | -3
pris pour un idiot | -3
pris pour une idiote | -3
prennent pour des imbéciles | -3
pris pour des imbéciles | -3
pompe à fric | -2.5
se remplir les poches | -2.5
plein les poches | -2.5
se faire avoir | -2.5
me suis fait avoir | -2.5
s'est fait avoir | -2.5
se faire arnaquer | -3
me suis fait arnaquer | -3
se faire rouler | -2.5
me suis fait rouler | -2.5
rouler dans la farine | -2.5
roulé dans la farine | -2.5
roulés dans la farine | -2.5
mener en bateau | -2.5
mené en bateau | -2.5
menés en bateau | -2.5
mènent en bateau | -2.5
raconter des salades | -2
racontent des salades | -2
raconte des salades | -2
promesses en l'air | -2.5
paroles en l'air | -2
belles paroles | -1
de belles promesses | -1
que des promesses | -2
que du blabla | -2
que du vent | -2
c'est du vent | -2
bla bla | -1.5
langue de bois | -2
poudre aux yeux | -2
attrape-nigaud | -2.5
miroir aux alouettes | -2
excuses bidon | -2
excuse bidon | -2
que des mensonges | -3
prendre de haut | -2.5
pris de haut | -2.5
prise de haut | -2.5
prend de haut | -2.5
prennent de haut | -2.5
avec mépris | -2.5
avec dédain | -2.5
avec arrogance | -2.5
comme un chien | -2
comme des chiens | -2.5
comme un numéro | -2
qu'un numéro | -2
moins que rien | -3
envoyé balader | -2.5
envoyée balader | -2.5
envoyer balader | -2.5
envoyé promener | -2.5
envoyé paître | -2.5
envoyé bouler | -2.5
porte au nez | -2
pris en otage | -2.5
un minimum de respect | -1.5
un minimum de professionnalisme | -1.5
la moindre des choses | -0.5
minimum syndical | -1.5
le strict minimum | -1.5

# ---------------------------------------------------------------------------
# Being sent around, stonewalled, abandoned
# ---------------------------------------------------------------------------
de service en service | -2
renvoyé de service en service | -2.5
renvoyée de service en service | -2.5
balader de service en service | -2.5
baladé de service en service | -2.5
baladée de service en service | -2.5
de conseiller en conseiller | -2
d'un service à l'autre | -1.5
nous balade | -2
nous baladent | -2
me balade | -2
me baladent | -2
se renvoient la balle | -2
se renvoyer la balle | -2.5
renvoient la balle | -2.5
renvoyer la balle | -2
rejette la faute | -2
rejettent la faute | -2
tourner en rond | -2
tourne en rond | -2
tournent en rond | -2
dialogue de sourds | -2
dialogue de sourd | -2
parler à un mur | -2
parle à un mur | -2
pisser dans un violon | -2
la sourde oreille | -2
faire l'autruche | -2
font l'autruche | -2
fait l'autruche | -2
politique de l'autruche | -2
noyer le poisson | -2
noie le poisson | -2
noient le poisson | -2
botter en touche | -2
botte en touche | -2
bottent en touche | -2
jouer la montre | -2
joue la montre | -2
jouent la montre | -2
traîner des pieds | -1.5
traîne des pieds | -1.5
traînent des pieds | -1.5
fin de non-recevoir | -2.5
lettre morte | -2
dans le vide | -1.5
au point mort | -2
au compte-gouttes | -1.5
au ralenti | -1
en suspens | -1
en stand-by | -1.5
en souffrance | -1.5
dans l'impasse | -2
une impasse | -2
sur le carreau | -2
laissé en plan | -2
laissée en plan | -2
laissés en plan | -2
laissé pour compte | -2
laissés pour compte | -2
à mon sort | -2
à notre sort | -2
à son sort | -2
en rade | -2
en carafe | -2
aux abonnés absents | -2.5
hors sujet | -1.5
répondu à côté | -2
à côté de la plaque | -2
se battre pour | -1.5
batailler pour | -1.5
parcours du combattant | -2.5
la croix et la bannière | -2
casse-tête | -1.5
usine à gaz | -2
mission impossible | -2
lourdeur administrative | -2
lourdeurs administratives | -2
cauchemar administratif | -2.5
enfer administratif | -2.5

# ---------------------------------------------------------------------------
# Exasperation, anger, irony
# ---------------------------------------------------------------------------
ras le bol | -3
ras la casquette | -2.5
plein le dos | -2.5
en avoir marre | -2.5
j'en ai marre | -2.5
en a marre | -2.5
la goutte d'eau | -2
la goutte d'eau qui fait déborder le vase | -2.5
la coupe est pleine | -2.5
trop c'est trop | -2.5
ça suffit | -2
au bout du rouleau | -2.5
à bout de nerfs | -2.5
à bout de patience | -2.5
suis à bout | -2.5
sur les nerfs | -2
hors de moi | -2.5
en colère | -2.5
en rogne | -2
perdre patience | -2
perds patience | -2
patience a des limites | -2
rend fou | -2
rendre fou | -2
rendent fou | -2
rend dingue | -2
fait bondir | -2
ça me dépasse | -1.5
dépasse l'entendement | -2.5
marche sur la tête | -2.5
le monde à l'envers | -2
on croit rêver | -2
vous plaisantez | -1.5
vaste blague | -2.5
mauvaise blague | -2
c'est une plaisanterie | -2
c'est une honte | -3
une vraie honte | -3
honte à vous | -3
avoir honte | -2
au secours | -2
un enfer | -2.5
c'est l'enfer | -2.5
un cauchemar | -2.5
un vrai cauchemar | -3
véritable cauchemar | -3
la cata | -2.5
c'est le bouquet | -2
c'est le pompon | -2
pour couronner le tout | -1.5
pour ne rien arranger | -1.5
par-dessus le marché | -1
un comble | -1.5
le comble | -1.5
comble du comble | -2
quel cirque | -2
quel bazar | -1.5
jamais vu ça | -1.5
du jamais vu | -1.5
ça fait peur | -1.5
fait pitié | -2
laisse rêveur | -1
en dit long | -1
laisse imaginer | -1
c'est du propre | -2
merci du cadeau | -2
ça commence bien | -1
il était temps | -0.5
tant pis | -1
bon courage | -0.5
bonne chance | -0.5
faut pas abuser | -1.5
faut pas exagérer | -1.5
faut pas pousser | -1.5
coup de gueule | -2
à vomir | -2.5
à dormir debout | -2
mourir d'ennui | -2
ennui mortel | -2.5

# ---------------------------------------------------------------------------
# Sloppy or good work
# ---------------------------------------------------------------------------
à la va-vite | -2
à la légère | -1.5
par-dessus la jambe | -2
à la rue | -2
aux fraises | -1.5
à la traîne | -1.5
à la dérive | -2
à la bourre | -1
à deux vitesses | -1.5
à deux balles | -2
au rabais | -1.5
bas de gamme | -1.5
haut de gamme | +1.5
de haute qualité | +2
de piètre qualité | -2.5
du bricolage | -2
travail d'amateur | -2
bande d'amateurs | -2.5
bande d'incompétents | -3
bande de guignols | -3
bande de clowns | -3
bande de rigolos | -2.5
mal fait | -2
bien fait | +1.5
bien pensé | +2
mal pensé | -2
bien conçu | +2
mal conçu | -2
bien organisé | +2
bien organisée | +2
mal organisé | -2
mal organisée | -2
bien géré | +1.5
mal géré | -2
mal gérée | -2
bien foutu | +2
mal foutu | -2
bien fichu | +2
mal fichu | -1.5
bien ficelé | +2
bien ficelée | +2
bien rodé | +1.5
bien huilé | +1.5
bien huilée | +1.5
bien passé | +1.5
bien passée | +1.5
tout s'est bien passé | +2
mal passé | -1.5
mal passée | -1.5
bien déroulé | +1.5
mal déroulé | -1.5
fait le job | +1.5
fait le travail | +1
fait l'affaire | +1
remplit son rôle | +1
tient ses promesses | +2
tenu ses promesses | +2
ne tient pas ses promesses | -2
tient pas ses promesses | -2
pas tenu ses promesses | -2
tient la route | +1.5
ne tient pas la route | -1.5
tient pas la route | -1.5
ne tient pas debout | -2
tient pas debout | -2
tient parole | +1.5
tiennent parole | +1.5
tenu parole | +1.5
tient ses engagements | +2
tenu ses engagements | +2
respecte ses engagements | +2
fait le nécessaire | +1.5
fait le maximum | +1.5
tout son possible | +2
tout leur possible | +2
se plier en quatre | +2.5
plié en quatre | +2.5
pliés en quatre | +2.5
mis en quatre | +2.5
dans les règles de l'art | +2
de main de maître | +2.5
avec brio | +2.5
haut la main | +2
sur le bout des doigts | +1.5
connaît son métier | +2
connaissent leur métier | +2
connaît son sujet | +2
maîtrise son sujet | +2
du bon boulot | +2
du beau travail | +2
du bon travail | +2
travail de pro | +2.5
du grand art | +2.5
coup de maître | +2.5
carton plein | +2.5
hors pair | +2.5
hors du commun | +2
de haute volée | +2
de premier ordre | +2
au-dessus du lot | +2
à la pointe | +1.5
à la perfection | +2.5
comme sur des roulettes | +2.5
tout roule | +1.5
les doigts dans le nez | +1.5
en deux temps trois mouvements | +2
en un rien de temps | +2
en un clin d'œil | +2
en temps record | +2
en un temps record | +2
en un éclair | +1.5
en moins de deux | +1.5
au quart de tour | +1.5

# ---------------------------------------------------------------------------
# Praise and care
# ---------------------------------------------------------------------------
au top | +2.5
au top du top | +3
top du top | +3
le top | +2
tip top | +2.5
au poil | +2.5
du tonnerre | +2.5
aux petits oignons | +2.5
au petit soin | +2.5
aux petits soins | +2.5
au petit soins | +2.5
prendre le temps | +1
pris le temps | +1.5
prend le temps | +1
prennent le temps | +1
pris soin | +1.5
de bon conseil | +2
de bons conseils | +2
bons conseils | +1.5
bon conseil | +1.5
de précieux conseils | +2
conseils avisés | +2
sens du service | +2
sens de l'écoute | +2
avec le sourire | +2
avec professionnalisme | +2
avec gentillesse | +2
avec patience | +2
avec courtoisie | +2
avec bienveillance | +2
de bon cœur | +1.5
le cœur sur la main | +2.5
chaud au cœur | +2.5
baume au cœur | +2
de bonnes mains | +2
en confiance | +1.5
en toute confiance | +1.5
en toute transparence | +1.5
digne de confiance | +2
perte de confiance | -2
perdu confiance | -2
confiance rompue | -2
aux anges | +2.5
au septième ciel | +2.5
sur un nuage | +2
fait plaisir | +1.5
ça fait plaisir | +2
ça fait du bien | +1.5
fait mon bonheur | +2
fait le bonheur | +2
un bonheur | +2
un vrai bonheur | +2.5
un pur bonheur | +3
que du bonheur | +3
que du bon | +2.5
que du positif | +2.5
que des éloges | +2.5
que des compliments | +2.5
un vrai plaisir | +2.5
un réel plaisir | +2.5
avec plaisir | +1
un régal | +2.5
un pur régal | +3
un délice | +2.5
la grande classe | +2.5
chapeau bas | +2.5
bien joué | +2
mention spéciale | +2
note maximale | +2
cinq étoiles | +2.5
5 étoiles | +2.5
10 sur 10 | +2.5
20 sur 20 | +2.5
zéro étoile | -3
0 étoile | -3
zéro pointé | -2.5
que dire de plus | +1.5
rien de tel | +1.5
égal à lui-même | +1
égale à elle-même | +1
tant mieux | +1
bonne continuation | +0.5
en toute simplicité | +0.5

# negative counterparts
que des problèmes | -2.5
que des soucis | -2.5
que des ennuis | -2.5
que des galères | -2.5
que du négatif | -2.5
prise de tête | -2
perte de temps | -2
temps perdu | -1.5
peine perdue | -2
perte d'argent | -2
argent jeté par les fenêtres | -2.5
jeter l'argent par les fenêtres | -2.5
moyen moyen | -1
couci-couça | -0.5
mi-figue mi-raisin | -0.5
limite limite | -1
tout juste correct | -0.5
tout juste passable | -1
du déjà vu | -1.5
vu et revu | -1.5

# ---------------------------------------------------------------------------
# Thanks (and ironic thanks above: merci pour rien, merci du cadeau)
# ---------------------------------------------------------------------------
merci beaucoup | +2
merci pour tout | +2
un grand merci | +2.5
un énorme merci | +3
merci encore | +1.5
encore merci | +1.5
mille mercis | +2.5
mille merci | +2.5
merci infiniment | +2.5
merci mille fois | +2.5
merci à vous | +1.5
merci à l'équipe | +2
merci à toute l'équipe | +2.5
bravo à toute l'équipe | +2.5
bravo et merci | +2.5
merci pour votre aide | +2
merci de votre aide | +2
merci pour votre réactivité | +2
merci de votre réactivité | +2
merci pour votre patience | +2
merci pour votre écoute | +2
merci pour votre professionnalisme | +2.5
merci pour votre efficacité | +2.5
merci pour votre gentillesse | +2.5
merci pour la rapidité | +2
je vous remercie | +1.5
nous vous remercions | +1.5

# ---------------------------------------------------------------------------
# Money idioms
# ---------------------------------------------------------------------------
bon rapport qualité prix | +2
mauvais rapport qualité prix | -2
hors de prix | -2.5
à prix d'or | -1.5
les yeux de la tête | -2
coûte un bras | -2
le prix fort | -1.5
pour une bouchée de pain | +1.5
argent bien dépensé | +2
bon investissement | +1.5
mauvais plan | -1.5
mauvaise affaire | -1.5
à tout va | -1

# ---------------------------------------------------------------------------
# Food and shows
# ---------------------------------------------------------------------------
l'eau à la bouche | +1.5
lécher les doigts | +2.5
lécher les babines | +2.5
goût de reviens-y | +2
à tomber par terre | +2.5
à se damner | +2.5
à couper le souffle | +2.5
trop cuit | -1.5
trop cuite | -1.5
trop salé | -1.5
trop salée | -1.5
trop gras | -1.5
trop grasse | -1.5
trop long | -1.5
trop longue | -1.5
trop longs | -1.5
trop longues | -1.5
trop d'attente | -2
trop de pub | -1.5
trop de publicité | -1.5
en haleine | +2
scotché à l'écran | +2
d'une traite | +1.5
fait mouche | +2
tire en longueur | -1.5
traîne en longueur | -2
tiré par les cheveux | -2
tirée par les cheveux | -2
tirés par les cheveux | -2
cousu de fil blanc | -2
cousue de fil blanc | -2
des longueurs | -1

# Invitations that use a negation
n'hésitez pas | +1.5
n'hésitez surtout pas | +2
