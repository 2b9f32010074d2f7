# social.lex — polarity of social-media and spoken French: slang, verlan, interjections,
# internet abbreviations (mdr, lol, ptdr) and colloquial expressions.
# Written by the sentinelle team from its own knowledge of French; no external source.
#
# SMS spellings (tjrs, pk, jpp…) are expanded by sms.map before matching, so they are not
# entries here: `jpp` becomes `j'en peux plus`, which is scored below. `mdr`, `ptdr`, `lol`
# are NOT expanded: they are scored as they are.
# `au top`, `galère` and general words (nul is the exception, being mostly oral) live in
# the other files.

# --- negative ------------------------------------------------------------------------------
nul                 | -2.5
nulle               | -2.5
nuls                | -2.5
nulles              | -2.5
nullissime          | -3
nullos              | -2
nullard             | -2.5
nullards            | -2.5
re:nu{2,}l+(e|s|es)? | -2.5 |
naze                | -2
nazes               | -2
nase                | -2
nases               | -2
bof                 | -1
bof bof             | -1.5
re:bof{2,}          | -1   |
mouais              | -0.5
relou               | -1.5
relous              | -1.5
reloue              | -1.5
chelou              | -1
chelous             | -1
zarbi               | -1
la honte            | -2.5
quelle honte        | -3
trop la honte       | -3
dégoûté             | -2
dégoûtée            | -2
dégoûtés            | -2
dégoûtées           | -2
vénère              | -2
véner               | -2
vénères             | -2
saoulé              | -1.5
saoulée             | -1.5
saoulés             | -1.5
soûlé               | -1.5
soûlée              | -1.5
saoulant            | -1.5
saoulante           | -1.5
soûlant             | -1.5
gavé                | -2
gavée               | -2
gavés               | -2
ça me saoule        | -2
ça me soûle         | -2
ça me gave          | -2
ça me gonfle        | -2
ça me casse les pieds | -2
gonflant            | -1.5
gonflante           | -1.5
chiant              | -2
chiante             | -2
chiants             | -2
chiantes            | -2
osef                | -0.5
quelle galère       | -2
c'est la galère     | -2.5
galérer             | -1.5
galérez             | -1.5
galèrent            | -1.5
c'est mort          | -1
abusé               | -2
abusée              | -2
abusés              | -2
abusées             | -2
ça craint           | -2
craint              | -1.5
craignos            | -1.5
bidon               | -2
foireux             | -2
foireuse            | -2
foireuses           | -2
foiré               | -1.5
foirée              | -1.5
merdouille          | -1.5
pourrave            | -2
pourraves           | -2
ringard             | -1.5
ringarde            | -1.5
ringards            | -1.5
has been            | -1.5
à la ramasse        | -2
claqué au sol       | -2.5
éclaté au sol       | -2.5
de la daube         | -2.5
c'est du pipeau     | -2
du pipeau           | -2
mytho               | -2
mythos              | -2
mythomane           | -2
mythomanes          | -2
enfumage            | -2
pigeonner           | -2
pigeonné            | -2
pigeonnés           | -2
prenez pour des pigeons | -2.5
vache à lait        | -2
vaches à lait       | -2
re:(prend|prenez|prennent|prendre|pris|prise) (\w+ ){0,2}pour des (debiles|truffes|jambons|buses|billes|quiches|tanches|neuneus|naifs|gogos|abrutis) | -2.5 |
ça pue              | -2.5
ça pique            | -1.5 | topic=price
ça douille          | -1.5 | topic=price
en pls              | -1.5
fail                | -2
epic fail           | -2.5
gros fail           | -2.5
flop                | -2
rip                 | -1.5
wtf                 | -1
beurk               | -2
berk                | -2
bouh                | -1
snif                | -1.5
sniff               | -1.5
re:pf{2,}           | -1   |
re:gr{2,}           | -1.5 |
re:ar+g+h+          | -1   |
j'en peux plus      | -2
j'en peux plus de   | -2
quelle blague       | -2
c'est une blague    | -2
la bonne blague     | -1.5
on marche sur la tête | -2.5

# --- positive ------------------------------------------------------------------------------
top                 | +2
génial              | +3
géniale             | +3
géniaux             | +3
géniales            | +3
génialissime        | +3
cool                | +1.5
trop cool           | +2.5
trop bien           | +2.5
trop top            | +2.5
trop chou           | +2
trop mignon         | +2
ouf                 | +1
c'est ouf           | +2
c'est de ouf        | +2
mdr                 | +0.5
mdrr                | +0.5
ptdr                | +0.5
xptdr               | +0.5
lol                 | +0.5
re:(ha){2,}h?       | +0.5 |
re:(hi){2,}         | +0.5 |
kiffe               | +2
kiffée              | +2
kiffés              | +2
kiffer              | +2
kiffant             | +2
kiffante            | +2
kiffez              | +2
kiffent             | +2
kif                 | +2
kiff                | +2
validé              | +1
je valide           | +1.5
pépite              | +2.5
pépites             | +2.5
stylé               | +2
stylée              | +2
stylés              | +2
ça déchire          | +2.5
ça gère             | +2
au taquet           | +1.5
nickel              | +2
nickel chrome       | +2.5
impec               | +2
impecc              | +2
cimer               | +1.5
chanmé              | +2
dinguerie           | +2
masterclass         | +2
c'est le feu        | +2
c'est carré         | +1.5
oklm                | +0.5
love                | +1.5
youpi               | +2
yes                 | +1
miam                | +2
trop bon            | +2.5
trop bonne          | +2.5
une tuerie          | +2.5
c'est une tuerie    | +3
