# Controlled lexicon for the rule tests: small, stable, independent of lexicons/fr.
excellent | +3
déçu | -2
mal | -1.5
pas mal | +1.5
pas | | negator
ne | | negator
plus | | negator
jamais | | negator
très | | intensifier=1.5
du tout | | intensifier=1.3 after
mais | | contrast
résilier | -3 | flag=churn_risk topic=cancellation
attente | | topic=wait_time
rembours* | | topic=refund
re:\d+ ?(e|eme) fois | -1.5 | flag=repeat_contact
nul | -2.5
cool | 1.5
recommande | 2
satisfait | 2
:( | -1.5
😡 | -3
bon | 2
mauvais | -2
pas terrible | -1.5
aucun problème | 1.5
aucun | | negator
sans | | negator
rien | | negator
problème | -1.5
un peu | | intensifier=0.6
cependant | | contrast
par contre | | contrast
lent | -1
rapide | 1.5
aime | 2
<3 | 2
^^ | 1
:-) | 1.5
pas du tout | | negator=1.3
regrette | -2
