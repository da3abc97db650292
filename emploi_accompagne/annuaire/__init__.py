"""The directory of departmental platforms: model, loading, generation."""
