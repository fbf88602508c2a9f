// Authlib 1.6's SQLAlchemy mixins for an OAuth 2.0 provider (authlib/integrations/sqla_oauth2/client_mixin.py and
// tokens_mixins.py), as their columns are declared; the protocol mixins under them add no column. Authlib before 1.0
// (`authlib.flask.oauth2.sqla`) declared other columns and is not restated: a model over it is reported.
import type { Shim } from './shim.js';

export const AUTHLIB_SQLA_OAUTH2: Shim = {
  module: 'authlib.integrations.sqla_oauth2',
  exports: [
    'authlib.integrations.sqla_oauth2.OAuth2ClientMixin',
    'authlib.integrations.sqla_oauth2.OAuth2AuthorizationCodeMixin',
    'authlib.integrations.sqla_oauth2.OAuth2TokenMixin',
    'authlib.integrations.sqla_oauth2.client_mixin.OAuth2ClientMixin',
    'authlib.integrations.sqla_oauth2.tokens_mixins.OAuth2AuthorizationCodeMixin',
    'authlib.integrations.sqla_oauth2.tokens_mixins.OAuth2TokenMixin',
  ],
  source: `
import time

from sqlalchemy import Column, Integer, String, Text


class OAuth2ClientMixin:
    client_id = Column(String(48), index=True)
    client_secret = Column(String(120))
    client_id_issued_at = Column(Integer, nullable=False, default=0)
    client_secret_expires_at = Column(Integer, nullable=False, default=0)
    _client_metadata = Column("client_metadata", Text)


class OAuth2AuthorizationCodeMixin:
    code = Column(String(120), unique=True, nullable=False)
    client_id = Column(String(48))
    redirect_uri = Column(Text, default="")
    response_type = Column(Text, default="")
    scope = Column(Text, default="")
    nonce = Column(Text)
    auth_time = Column(Integer, nullable=False, default=lambda: int(time.time()))
    acr = Column(Text, nullable=True)
    amr = Column(Text, nullable=True)

    code_challenge = Column(Text)
    code_challenge_method = Column(String(48))


class OAuth2TokenMixin:
    client_id = Column(String(48))
    token_type = Column(String(40))
    access_token = Column(String(255), unique=True, nullable=False)
    refresh_token = Column(String(255), index=True)
    scope = Column(Text, default="")
    issued_at = Column(Integer, nullable=False, default=lambda: int(time.time()))
    access_token_revoked_at = Column(Integer, nullable=False, default=0)
    refresh_token_revoked_at = Column(Integer, nullable=False, default=0)
    expires_in = Column(Integer, nullable=False, default=0)
`,
};
