// sqlalchemy-file 0.5's column types (sqlalchemy_file/types.py): a file's or an image's metadata stored as JSON;
// the storage, validators and processors they take decide no DDL.
import type { Shim } from './shim.js';

export const SQLALCHEMY_FILE: Shim = {
  module: 'sqlalchemy_file.types',
  exports: ['sqlalchemy_file.FileField', 'sqlalchemy_file.ImageField', 'sqlalchemy_file.types.FileField', 'sqlalchemy_file.types.ImageField'],
  source: `
from sqlalchemy import types


class FileField(types.TypeDecorator):
    impl = types.JSON
    cache_ok = True

    def __init__(self, *args, upload_storage=None, validators=None, processors=None, upload_type=None, multiple=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.multiple = multiple


class ImageField(FileField):
    cache_ok = True

    def __init__(self, *args, upload_storage=None, thumbnail_size=None, image_validator=None, validators=None, processors=None, upload_type=None, multiple=False, **kwargs):
        super().__init__(*args, upload_storage=upload_storage, multiple=multiple, **kwargs)
`,
};
