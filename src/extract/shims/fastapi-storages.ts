// fastapi-storages 0.3's SQLAlchemy column types (fastapi_storages/integrations/sqlalchemy.py): a stored file's or
// image's name, as Unicode given the arguments after the storage; the storages a model passes them
// decide no DDL, and stand as plain classes.
import type { Shim } from './shim.js';

export const FASTAPI_STORAGES: Shim = {
  module: 'fastapi_storages',
  exports: ['fastapi_storages.FileSystemStorage', 'fastapi_storages.S3Storage', 'fastapi_storages.filesystem.FileSystemStorage', 'fastapi_storages.s3.S3Storage'],
  source: `
class FileSystemStorage:
    def __init__(self, *args, **kwargs):
        pass


class S3Storage:
    def __init__(self, *args, **kwargs):
        pass
`,
};

export const FASTAPI_STORAGES_SQLALCHEMY: Shim = {
  module: 'fastapi_storages.integrations.sqlalchemy',
  exports: ['fastapi_storages.integrations.sqlalchemy.FileType', 'fastapi_storages.integrations.sqlalchemy.ImageType'],
  source: `
from sqlalchemy.types import TypeDecorator, Unicode


class FileType(TypeDecorator):
    impl = Unicode
    cache_ok = True

    def __init__(self, storage, *args, **kwargs):
        self.storage = storage
        super().__init__(*args, **kwargs)


class ImageType(TypeDecorator):
    impl = Unicode
    cache_ok = True

    def __init__(self, storage, *args, **kwargs):
        self.storage = storage
        super().__init__(*args, **kwargs)
`,
};
