# General polarity vocabulary beyond customer service: news, society, environment, health and
# culture, as customers also comment on public matters (social-media monitoring). Written by the
# sentinelle team.

# Threats and harm
menace | -1.5
menaces | -1.5
menacée | -1.5
menacées | -1.5
menacer | -1.5
menacent | -1.5
danger | -1.5
dangers | -1.5
victime | -2
victimes | -2
violence | -2.5
violences | -2.5
violent | -2
violente | -2
violents | -2
agression | -2.5
agressé | -2.5
agressée | -2.5
tue | -2.5
tuer | -2.5
tués | -2.5
assassin | -3
assassine | -2.5
assassinat | -3
meurtre | -3
massacre | -3
drame | -2.5
dramatique | -2.5
tragédie | -3
tragique | -2.5
mort | -2
morts | -2
décès | -2
blessé | -2
blessés | -2
blessée | -2
accident | -2
accidents | -2
guerre | -2.5
guerres | -2.5
attentat | -3
attentats | -3
terrorisme | -3
crise | -1.5
crises | -1.5
chômage | -1.5
licenciement | -2
licenciements | -2
licencié | -2
pauvreté | -2
famine | -3
faillite | -2.5
pollution | -2
pollué | -2
polluée | -2
polluant | -1.5
polluants | -1.5
destruction | -2.5
détruit | -2.5
détruite | -2.5
détruits | -2.5
détruire | -2.5
dévasté | -2.5
ravagé | -2.5
disparition | -1.5
disparaître | -1.5
disparaissent | -1.5
extinction | -2
abattage | -2
massacre des | -3
braconnage | -2.5
déforestation | -2
sécheresse | -1.5
inondation | -1.5
inondations | -1.5
incendie | -2
incendies | -2
épidémie | -2
pandémie | -2
maladie | -1.5
maladies | -1.5
cancer | -2
souffrances | -2.5
souffrent | -2
corruption | -2.5
corrompu | -2.5
corrompus | -2.5
fraude | -2.5
menteur | -2.5
menteurs | -2.5
propagande | -2
polémique | -1
polémiques | -1
manifestation | -0.5
grève | -1.5
grèves | -1.5
pénalisé | -1.5
pénalisée | -1.5
pénalisés | -1.5
pénalisant | -1.5
sanction | -1.5
sanctions | -1.5
interdiction | -1
interdit | -1
interdite | -1
condamné | -2
condamnée | -2
condamnation | -2
rejette | -1
rejeté | -1.5
rejetée | -1.5
refus | -1.5
refusé | -1.5
refusée | -1.5
échecs | -2
recul | -1
indifférence | -1.5
inquiétude | -1.5
alarmant | -2
alarmante | -2

# Progress and good news
victoire | 2
victoires | 2
progrès | 1.5
amélioration | 1.5
améliorations | 1.5
protégé | 1
protégée | 1
protection | 1
sauver | 1.5
espoir | 1.5
solidarité | 2
bonne nouvelle | 2.5
bonnes nouvelles | 2.5
mauvaise nouvelle | -2.5
mauvaises nouvelles | -2.5

# Culture and reviews
niaiserie | -2
niaiseries | -2
nunuche | -2
pseudo | -1
pâle copie | -2.5
pâle | -1
vide | -1.5
sans saveur aucune | -2.5
une étoile | -2
1 étoile | -2
deux étoiles | -1
2 étoiles | -1
quatre étoiles | 2
4 étoiles | 2
m'attendais à mieux | -2
attendais mieux | -2
déjà vu | -1
à jeter | -3
bon à jeter | -3
aurait dû s'arrêter | -2
auraient dû arrêter | -2
pfff | -1.5
pff | -1
ugly | -2
bad | -2
awful | -3
worst | -3
good | 1.5
great | 2
amazing | 3

# Problems in general: mildly negative alone, so that "aucun problème" family reads as relief
problème | -1
problèmes | -1
souci | -0.5
soucis | -0.5
aucun problèmes | 1.5
