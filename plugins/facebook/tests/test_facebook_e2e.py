"""Meta's webhooks through the real server: the subscription handshake, signed deliveries of
Page comments, Messenger and Instagram messages stored once (Meta retries and does not dedupe),
edits and removals, and what a wrong signature or configuration gets."""
import hashlib
import hmac
import json
import os
import unittest
import urllib.parse

import plugin_e2e  # noqa: E402  (PYTHONPATH: tests/integration)
from plugin_e2e import ADMIN

APP_SECRET = '8f3a1c9e2b7d4f60a5e1c3b9d7f2a4e6'
VERIFY_TOKEN = 'jeton-de-verification-fibrea'
CONFIG = plugin_e2e.admin_config(f'''[plugins.facebook]
app_secret = "{APP_SECRET}"
verify_token = "{VERIFY_TOKEN}"
''')
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'data')
PAGE = '901097836652708'


def recorded(name):
    with open(os.path.join(DATA, name), 'rb') as f:
        return f.read()


def signed(body, secret=APP_SECRET):
    digest = hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return {'Content-Type': 'application/json', 'X-Hub-Signature-256': 'sha256=' + digest}


def feed_comment(comment_id, verb, message=None, author='6254417391275432'):
    value = {'from': {'id': author, 'name': 'Camille Dupré'}, 'item': 'comment', 'verb': verb,
             'comment_id': comment_id, 'post_id': PAGE + '_903438993085001',
             'parent_id': PAGE + '_903438993085001', 'created_time': 1795179780}
    if message is not None:
        value['message'] = message
    # ensure_ascii: Meta escapes non-ASCII text as \\uXXXX, surrogate pairs included.
    return json.dumps({'object': 'page', 'entry': [
        {'id': PAGE, 'time': 1795179790, 'changes': [{'field': 'feed', 'value': value}]}]}).encode()


class FacebookWebhookTest(plugin_e2e.PluginServerTest):
    CONFIG = CONFIG
    ROUTE = '/hooks/facebook'

    def deliver(self, body, headers=None):
        return self.post(body, headers or signed(body))

    def message(self, identifier):
        status, stored, _ = self.server.get('/v1/messages/' + urllib.parse.quote(identifier, safe=''),
                                            token=ADMIN)
        return stored if status == 200 else None

    def test_the_handshake_echoes_the_challenge_for_the_right_token(self):
        query = {'hub.mode': 'subscribe', 'hub.verify_token': VERIFY_TOKEN,
                 'hub.challenge': '1158201444'}
        status, body, response = self.server.get('/hooks/facebook?' + urllib.parse.urlencode(query))
        self.assertEqual(status, 200)
        self.assertEqual(body, 1158201444)  # the harness parses the plain-text body as JSON
        self.assertTrue(response.getheader('Content-Type').startswith('text/plain'))
        query['hub.verify_token'] = 'jeton-faux'
        status, body, _ = self.server.get('/hooks/facebook?' + urllib.parse.urlencode(query))
        self.assertEqual(status, 403)
        self.assertEqual(body['error']['code'], 'forbidden')

    def test_a_mixed_page_delivery_is_stored_once(self):
        body = recorded('page_delivery.json')
        status, answer, _ = self.deliver(body)
        self.assertEqual(status, 200, answer)
        self.assertEqual(answer['skipped'], 6)  # own reply, like, reaction, echo, read, delivery
        self.assertEqual([r['status'] for r in answer['results']], ['accepted'] * 4)
        comment, post, text, photo = answer['results']
        self.assertEqual(comment['id'], 'fb-comment-903438993085001_903438993085259')
        self.assertTrue(comment['detractor'])
        self.assertIn('public', comment['reasons'])
        self.assertEqual(comment['alert']['severity'], 'critical')  # "résilier": churn risk
        self.assertIsNotNone(text['alert'])
        self.assertIsNone(photo['alert'])
        self.assertFalse(post['detractor'])

        # Meta retries for 36 hours: the same delivery again changes nothing.
        status, again, _ = self.deliver(body)
        self.assertEqual(status, 200, again)
        self.assertEqual(again['accepted'], 0)
        self.assertEqual(again['duplicates'], 4)
        self.assertEqual(again['results'][0]['alert']['id'], comment['alert']['id'])

        stored = self.message(comment['id'])
        self.assertIsNotNone(stored, 'GET /v1/messages/{id} finds the stored comment')
        self.assertEqual(stored['source'], 'facebook')
        self.assertEqual(stored['platform'], 'facebook')
        self.assertTrue(stored['public'])
        self.assertEqual(stored['text'], 'Trois semaines sans connexion et personne ne répond au '
                         'service client 😡 Je vais résilier mon abonnement.')
        status, by_source, _ = self.server.get(
            '/v1/messages/' + comment['id'] + '?source=facebook', token=ADMIN)
        self.assertEqual((status, by_source['id']), (200, comment['id']))
        self.assertEqual(self.message(text['id'])['platform'], 'messenger')
        self.assertEqual(self.message(photo['id'])['text'], '')
        self.assertIsNone(self.message('fb-comment-903438993085001_903438993085300'))
        self.assertIsNone(self.message('messenger-m_ECHO-Rq0w9pNqgWl4Lp0iEgYc1SzA'))

    def test_instagram_comments_and_messages(self):
        status, answer, _ = self.deliver(recorded('instagram_delivery.json'))
        self.assertEqual(status, 200, answer)
        self.assertEqual(answer['skipped'], 2)
        ids = [r['id'] for r in answer['results']]
        self.assertEqual(ids, ['ig-comment-17865799348089039',
                               'ig-dm-aWdfZAG1faXRlbToxOklHTWVzc2FnZAUlEOjE3ODQxNDA1MzA5MjExODQ0'])
        self.assertTrue(answer['results'][0]['detractor'])
        stored = self.message(ids[0])
        self.assertIsNotNone(stored)
        self.assertEqual(stored['platform'], 'instagram')
        self.assertEqual(stored['author']['name'], 'juliette.b')

    def test_an_edited_then_removed_comment(self):
        comment_id = '903438993085001_903438993085777'
        status, added, _ = self.deliver(feed_comment(
            comment_id, 'add', 'Service client injoignable, je vais porter plainte 😡'))
        self.assertEqual(status, 200, added)
        alert = added['results'][0]['alert']
        self.assertIsNotNone(alert)

        status, edited, _ = self.deliver(feed_comment(comment_id, 'edited',
                                                      'Finalement un conseiller m\'a rappelé.'))
        self.assertEqual(status, 200, edited)
        self.assertEqual(edited['results'][0]['status'], 'revised')
        self.assertEqual(self.message('fb-comment-' + comment_id)['text'],
                         'Finalement un conseiller m\'a rappelé.')

        status, removed, _ = self.deliver(feed_comment(comment_id, 'remove'))
        self.assertEqual(status, 200, removed)
        self.assertEqual(removed['results'][0]['status'], 'erased')
        self.assertEqual(self.message('fb-comment-' + comment_id)['text'], '')
        status, stored_alert, _ = self.server.get('/v1/alerts/' + alert['id'], token=ADMIN)
        if status == 200:  # retracted: resolved, or gone
            self.assertNotEqual(stored_alert['status'], 'open', stored_alert)
        else:
            self.assertEqual(status, 404)

    def test_an_edit_of_a_comment_never_seen_is_stored(self):
        comment_id = '903438993085001_903438993085888'
        status, answer, _ = self.deliver(feed_comment(comment_id, 'edited', 'Colis perdu, aucune '
                                                      'réponse depuis dix jours.'))
        self.assertEqual(status, 200, answer)
        self.assertIn(answer['results'][0]['status'], ('accepted', 'revised'))
        self.assertIsNotNone(self.message('fb-comment-' + comment_id))

    def test_a_wrong_or_missing_signature_stores_nothing(self):
        body = feed_comment('903438993085001_903438993085999', 'add', 'Je résilie demain.')
        for headers in (signed(body, 'un-autre-secret'), signed(body + b' '),
                        {'Content-Type': 'application/json'}):
            status, answer, _ = self.deliver(body, headers)
            self.assertEqual(status, 401, answer)
            self.assertEqual(answer['error']['code'], 'bad_signature')
        self.assertIsNone(self.message('fb-comment-903438993085001_903438993085999'))
        status, answer, _ = self.deliver(body)
        self.assertEqual(status, 200, answer)
        self.assertEqual(answer['accepted'], 1)  # nothing of the refused ones was kept


class FacebookConfigurationTest(unittest.TestCase):
    def test_a_missing_or_unknown_key_stops_the_server(self):
        code, message = plugin_e2e.refusal(f'[plugins.facebook]\napp_secret = "{APP_SECRET}"\n')
        self.assertEqual(code, 2)
        self.assertIn('plugins.facebook.verify_token: required', message)
        code, message = plugin_e2e.refusal(f'[plugins.facebook]\napp_secret = "{APP_SECRET}"\n'
                                     f'verify_token = "{VERIFY_TOKEN}"\npage_token = "x"\n')
        self.assertEqual(code, 2)
        self.assertIn('plugins.facebook.page_token: unknown key', message)


if __name__ == '__main__':
    unittest.main()
