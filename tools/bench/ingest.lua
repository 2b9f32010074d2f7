-- wrk script: each request posts one unique ~800-byte French survey to /v1/surveys.
local threads = {}
local counter = 0
local random_ids = os.getenv("INGEST_IDS") == "random"

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

local comments = {
  "Attente interminable au téléphone, plus de quarante minutes avant d'avoir quelqu'un. La conseillère a fini par être aimable mais mon problème de facturation n'est toujours pas réglé, c'est la troisième fois que j'appelle pour la même erreur sur ma facture. Si rien ne change je vais résilier mon abonnement et partir à la concurrence.",
  "Très bon accueil, conseiller patient et compétent qui a pris le temps de tout m'expliquer. Le remboursement a été fait rapidement et j'ai reçu un mail de confirmation dans la journée. Rien à redire, je recommande ce service client à tout le monde, merci encore pour votre réactivité et votre gentillesse au téléphone.",
  "Colis toujours pas livré après dix jours, le suivi indique une livraison en point relais qui n'a jamais eu lieu. Impossible de joindre le service client, personne ne répond aux mails. Franchement inadmissible pour une enseigne de cette taille, j'exige un remboursement complet ou je saisis le médiateur de la consommation.",
}

-- Survey ids carry the second the run started, so a later run's ids sort after an earlier
-- run's, as a feed's ticket numbers keep growing. With the counter alone, every wrk run (each
-- round of tools/bench/ingest) started again at 1 and inserted into the middle of the earlier
-- rounds' index ranges: more index pages a commit with each round, which neither a sequential
-- nor a random feed does (round 5 ~15 % slower than round 1, 2026-11-30). Customers are drawn
-- from a base of a million, as the customers who answer a survey are: in no order.
function init(args)
  counter = 0
  run_start = os.time()
  math.randomseed(os.time() * 16 + thread_id)  -- each thread its own random ids
end

function request()
  counter = counter + 1
  local id = string.format("bench-%d-%d-%d-%d", run_start, thread_id, counter,
                           math.random(1, 1000000000))
  local customer = tostring(math.random(1, 1000000))
  if random_ids then  -- INGEST_IDS=random: survey ids in no order either (form tokens, UUIDs)
    id = string.format("%08x-%08x-%d-%d", math.random(0, 0x7fffffff),
                       math.random(0, 0x7fffffff), thread_id, counter)
  end
  local comment = comments[(counter % #comments) + 1]
  local body = string.format(
    '{"id":"%s","submitted_at":"2026-11-20T14:03:00+01:00","channel":"voice",' ..
    '"touchpoint":"after_call","agent_id":"a-%d","team_id":"t-%d","queue":"facturation",' ..
    '"customer_id":"c-%s","nps":%d,"csat":%d,"ces":%d,"comment":"%s"}',
    id, counter % 50, counter % 7, customer, counter % 11, (counter % 5) + 1, (counter % 7) + 1,
    comment)
  return wrk.format("POST", "/v1/surveys", {["Content-Type"] = "application/json"}, body)
end

function done(summary, latency, requests)
  io.write(string.format("RESULT %.0f %.3f %.3f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read +
      summary.errors.write + summary.errors.timeout,
    summary.requests))
end
