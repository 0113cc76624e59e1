# The playground's aiohttp: ClientSession over the browser's fetch (the
# bundled mock API, or any URL the page may reach; no credentials).
import asyncio


class ClientError(Exception):
    __module__ = 'aiohttp.client_exceptions'


class ClientConnectionError(ClientError):
    __module__ = 'aiohttp.client_exceptions'


class ClientOSError(ClientConnectionError, OSError):
    __module__ = 'aiohttp.client_exceptions'


class ClientConnectorError(ClientOSError):
    __module__ = 'aiohttp.client_exceptions'


class ServerConnectionError(ClientConnectionError):
    __module__ = 'aiohttp.client_exceptions'


class ServerTimeoutError(ServerConnectionError, asyncio.TimeoutError):
    __module__ = 'aiohttp.client_exceptions'


class ClientPayloadError(ClientError):
    __module__ = 'aiohttp.client_exceptions'


class ContentTypeError(ClientError):
    __module__ = 'aiohttp.client_exceptions'

    def __init__(self, request_info=None, history=(), *, status=None, message='', headers=None):
        self.request_info = request_info
        self.status = 0
        self.message = message
        super().__init__(message)

    def __str__(self):
        return self.message


class ClientResponseError(ClientError):
    __module__ = 'aiohttp.client_exceptions'

    def __init__(self, request_info=None, history=(), *, status=None, message='', headers=None):
        self.request_info = request_info
        self.history = history
        self.status = status
        self.message = message
        self.headers = headers
        super().__init__(request_info, history)

    def __str__(self):
        return f"{self.status}, message={self.message!r}, url={self.request_info!r}"


class ClientTimeout:
    def __init__(self, total=None, connect=None, sock_read=None, sock_connect=None):
        self.total = total
        self.connect = connect
        self.sock_read = sock_read
        self.sock_connect = sock_connect

    def __repr__(self):
        return f"ClientTimeout(total={self.total}, connect={self.connect}, sock_read={self.sock_read}, sock_connect={self.sock_connect})"


class ClientResponse:
    def __init__(self, method, url, status, reason, body, content_type):
        self.method = method
        self.url = url
        self.status = status
        self.reason = reason
        self._body = body
        self.content_type = content_type
        self.headers = {'Content-Type': content_type}

    def __repr__(self):
        return f"<ClientResponse({self.url}) [{self.status} {self.reason}]>"

    @property
    def ok(self):
        return self.status < 400

    def raise_for_status(self):
        if self.status >= 400:
            raise ClientResponseError(self.url, (), status=self.status, message=self.reason)

    async def text(self, encoding=None):
        return self._body

    async def read(self):
        return self._body.encode()

    async def json(self, *, content_type='application/json', loads=None):
        if not self._body.lstrip().startswith(('{', '[')):
            raise ContentTypeError(self.url, (), status=self.status, message='the body is not JSON')
        return _json_loads(self._body)

    def release(self):
        pass

    def close(self):
        pass

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        self.release()


class _RequestContextManager:
    def __init__(self, coro):
        self._coro = coro
        self._resp = None

    def __await__(self):
        return self._coro.__await__()

    async def __aenter__(self):
        self._resp = await self._coro
        return self._resp

    async def __aexit__(self, *exc):
        if self._resp is not None:
            self._resp.release()


class ClientSession:
    def __init__(self, base_url=None, *, timeout=None, headers=None, raise_for_status=False, **kwargs):
        self._base_url = base_url
        self._timeout = timeout
        self._headers = headers or {}
        self._raise_for_status = raise_for_status
        self.closed = False

    def __repr__(self):
        return '<aiohttp.client.ClientSession object>'

    def _url(self, url):
        if self._base_url and not ('://' in str(url)):
            return str(self._base_url).rstrip('/') + '/' + str(url).lstrip('/')
        return str(url)

    def request(self, method, url, *, json=None, data=None, timeout=None, params=None, **kwargs):
        return _RequestContextManager(self._request(method, url, json, data, timeout, params))

    def get(self, url, **kwargs):
        return self.request('GET', url, **kwargs)

    def post(self, url, **kwargs):
        return self.request('POST', url, **kwargs)

    def put(self, url, **kwargs):
        return self.request('PUT', url, **kwargs)

    def delete(self, url, **kwargs):
        return self.request('DELETE', url, **kwargs)

    def patch(self, url, **kwargs):
        return self.request('PATCH', url, **kwargs)

    def head(self, url, **kwargs):
        return self.request('HEAD', url, **kwargs)

    async def _request(self, method, url, json, data, timeout, params):
        if self.closed:
            raise RuntimeError('Session is closed')
        url = self._url(url)
        if params:
            sep = '&' if '?' in url else '?'
            url = url + sep + '&'.join(f'{k}={v}' for k, v in params.items())
        body = None
        if json is not None:
            body = _json_dumps(json)
        elif data is not None:
            body = str(data)
        t = timeout if timeout is not None else self._timeout
        total = None
        if isinstance(t, ClientTimeout):
            total = t.total
        elif isinstance(t, (int, float)):
            total = t
        status, reason, text, ctype = await _http(method, url, body, total)
        resp = ClientResponse(method, url, status, reason, text, ctype)
        if self._raise_for_status:
            resp.raise_for_status()
        return resp

    async def close(self):
        self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        await self.close()
