public enum PlaceholderP {}
