# rules.lex — rule words for French: negators, intensifiers / diminishers, contrast markers.
# Written by the sentinelle team from its own knowledge of French; no external source.
#
# These entries carry no polarity of their own (empty weight): they change the polarity of
# the words around them. See lexicons/README.md for the format.
#
# Deliberately left out: `point` (ne... point is archaic; `point` is a common noun),
# `personne` (mostly the noun), `si` (conditional / yes / intensifier), `bien` and `fort`
# (polarity words or too ambiguous), `extra` and `parfaitement` (also positive words).

# --- Negators ----------------------------------------------------------------------------
# `ne` and `plus` are special in the engine: `plus` negates only when a `ne` comes before it
# (`ne marche plus`), never in `plus cher`, `de plus`.
ne                  |      | negator
plus                |      | negator
pas                 |      | negator
jamais              |      | negator
rien                |      | negator
aucun               |      | negator
aucune              |      | negator
aucuns              |      | negator
aucunes             |      | negator
aucunement          |      | negator
nullement           |      | negator
rarement            |      | negator
guère               |      | negator
sans                |      | negator
ni                  |      | negator
non                 |      | negator
nulle part          |      | negator
en aucun cas        |      | negator
pas du tout         |      | negator intensifier=1.3
plus du tout        |      | negator intensifier=1.3
rien du tout        |      | negator intensifier=1.3
absolument pas      |      | negator intensifier=1.4
vraiment pas        |      | negator intensifier=1.3
franchement pas     |      | negator intensifier=1.3
surtout pas         |      | negator intensifier=1.3
pas le moins du monde |    | negator intensifier=1.4
# attenuated negations: `pas très bon`, `pas vraiment satisfait`, `peu aimable`
pas vraiment        |      | negator intensifier=0.7
pas très            |      | negator intensifier=0.7
pas trop            |      | negator intensifier=0.7
pas tellement       |      | negator intensifier=0.7
pas si              |      | negator intensifier=0.7
pas franchement     |      | negator intensifier=0.8
pas spécialement    |      | negator intensifier=0.7
pas particulièrement |     | negator intensifier=0.7
pas forcément       |      | negator intensifier=0.6
pas assez           |      | negator intensifier=0.9
peu                 |      | negator intensifier=0.8
très peu            |      | negator intensifier=1.1
trop peu            |      | negator intensifier=1.1
si peu              |      | negator intensifier=1.2

# --- Intensifiers (before the word) --------------------------------------------------------
très                |      | intensifier=1.5
trop                |      | intensifier=1.4
vraiment            |      | intensifier=1.4
super               |      | intensifier=1.5
hyper               |      | intensifier=1.5
ultra               |      | intensifier=1.5
méga                |      | intensifier=1.5
archi               |      | intensifier=1.5
grave               |      | intensifier=1.4
vachement           |      | intensifier=1.4
drôlement           |      | intensifier=1.4
sacrément           |      | intensifier=1.4
extrêmement         |      | intensifier=1.7
tellement           |      | intensifier=1.4
totalement          |      | intensifier=1.5
complètement        |      | intensifier=1.5
entièrement         |      | intensifier=1.3
absolument          |      | intensifier=1.5
particulièrement    |      | intensifier=1.3
spécialement        |      | intensifier=1.2
carrément           |      | intensifier=1.4
franchement         |      | intensifier=1.3
vraiment très       |      | intensifier=1.7
bien trop           |      | intensifier=1.6
beaucoup trop       |      | intensifier=1.6
largement           |      | intensifier=1.3
énormément          |      | intensifier=1.5
terriblement        |      | intensifier=1.6
horriblement        |      | intensifier=1.7
affreusement        |      | intensifier=1.6
incroyablement      |      | intensifier=1.6
extraordinairement  |      | intensifier=1.6
excessivement       |      | intensifier=1.5
profondément        |      | intensifier=1.5
hautement           |      | intensifier=1.5
réellement          |      | intensifier=1.3
sincèrement         |      | intensifier=1.2
vraiment vraiment   |      | intensifier=1.7
tout à fait         |      | intensifier=1.3
tout simplement     |      | intensifier=1.3
purement            |      | intensifier=1.3
littéralement       |      | intensifier=1.3
de plus en plus     |      | intensifier=1.3
encore plus         |      | intensifier=1.4
toujours plus       |      | intensifier=1.3
# --- Diminishers (intensifier < 1) ---------------------------------------------------------
plutôt              |      | intensifier=0.8
assez               |      | intensifier=0.8
relativement        |      | intensifier=0.8
presque             |      | intensifier=0.8
quasiment           |      | intensifier=0.8
un peu              |      | intensifier=0.6
un petit peu        |      | intensifier=0.5
un tout petit peu   |      | intensifier=0.4
un peu trop         |      | intensifier=1.1
quelque peu         |      | intensifier=0.6
légèrement          |      | intensifier=0.6
moyennement         |      | intensifier=0.5
à peine             |      | intensifier=0.5
pas mal de          |      | intensifier=1.0
plus ou moins       |      | intensifier=0.6
à moitié            |      | intensifier=0.6

# --- Post-intensifiers (multiply the word before them) ----------------------------------
du tout             |      | intensifier=1.3 after
au possible         |      | intensifier=1.4 after
au plus haut point  |      | intensifier=1.5 after
comme jamais        |      | intensifier=1.4 after
comme pas possible  |      | intensifier=1.4 after
de chez nul         |      | intensifier=1.5 after
de ouf              |      | intensifier=1.5 after
à mort              |      | intensifier=1.4 after
à fond              |      | intensifier=1.3 after
à souhait           |      | intensifier=1.3 after
au max              |      | intensifier=1.3 after
au maximum          |      | intensifier=1.3 after

# --- Contrast markers --------------------------------------------------------------------
mais                |      | contrast
mais bon            |      | contrast
par contre          |      | contrast
parcontre           |      | contrast
cependant           |      | contrast
sauf que            |      | contrast
néanmoins           |      | contrast
pourtant            |      | contrast
toutefois           |      | contrast
en revanche         |      | contrast
malgré tout         |      | contrast
malgré cela         |      | contrast
malgré ça           |      | contrast
cela dit            |      | contrast
ceci dit            |      | contrast
ceci étant dit      |      | contrast
n'empêche           |      | contrast
n'empêche que       |      | contrast
il n'en reste pas moins |  | contrast
