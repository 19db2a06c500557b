package io.gnn4j.datasets.movielens;

import io.gnn4j.datasets.MultiLabels;
import java.util.List;

/**
 * The side information of MovieLens-100K ({@code u.item}, {@code u.user}, {@code u.genre}), indexed by the 0-based
 * ids of {@link io.gnn4j.datasets.RatingsDataset} (file id − 1). Empty fields stay empty strings (item 267 has no
 * title or dates).
 *
 * @param itemTitles        title per item
 * @param itemReleaseDates  release date per item as published ("01-Jan-1995")
 * @param itemVideoDates    video release date per item (empty in every line of the 100K file)
 * @param itemUrls          IMDb URL per item
 * @param itemGenres        genre flags per item as label sets over the 19 genres
 * @param genreNames        genre name per genre index (u.genre)
 * @param userAges          age per user
 * @param userGenders       "M" or "F" per user
 * @param userOccupations   occupation per user
 * @param userZipCodes      zip code per user (not always numeric)
 */
public record MovieLensCatalog(List<String> itemTitles, List<String> itemReleaseDates, List<String> itemVideoDates,
                               List<String> itemUrls, MultiLabels itemGenres, List<String> genreNames, int[] userAges,
                               List<String> userGenders, List<String> userOccupations, List<String> userZipCodes) {
    public MovieLensCatalog {
        itemTitles = List.copyOf(itemTitles);
        itemReleaseDates = List.copyOf(itemReleaseDates);
        itemVideoDates = List.copyOf(itemVideoDates);
        itemUrls = List.copyOf(itemUrls);
        genreNames = List.copyOf(genreNames);
        userGenders = List.copyOf(userGenders);
        userOccupations = List.copyOf(userOccupations);
        userZipCodes = List.copyOf(userZipCodes);
    }

    /** Number of items. */
    public int numItems() {
        return itemTitles.size();
    }

    /** Number of users. */
    public int numUsers() {
        return userAges.length;
    }
}
