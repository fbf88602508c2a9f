// The standard enum classes' bases, which are not read: an in-repo enum's MRO names only the first of them.

/** What stands above each enum class in its MRO (Python 3.13), `builtins.object` left out. */
export const ENUM_BASES: Readonly<Record<string, readonly string[]>> = {
  'enum.Enum': [],
  'enum.ReprEnum': ['enum.Enum'],
  'enum.Flag': ['enum.Enum'],
  'enum.IntEnum': ['builtins.int', 'enum.ReprEnum', 'enum.Enum'],
  'enum.StrEnum': ['builtins.str', 'enum.ReprEnum', 'enum.Enum'],
  'enum.IntFlag': ['builtins.int', 'enum.ReprEnum', 'enum.Flag', 'enum.Enum'],
};
