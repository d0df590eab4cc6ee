public enum PlaceholderG {}
